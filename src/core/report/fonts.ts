/// <reference path="./fontkit.d.ts" />
/**
 * CJK fonts for PDFs: Noto Sans SC (OFL-1.1, from @expo-google-fonts/noto-sans-sc, TrueType outlines),
 * embedded as subsets through upstream fontkit 2.
 *
 * Why an adapter: pdf-lib 1.17 is written against @pdf-lib/fontkit (a fontkit 1 fork) and calls
 * `subset.encodeStream()`; fontkit 2 has `subset.encode()`. With @pdf-lib/fontkit and `subset: true`, Chinese
 * glyphs can come out blank while the ToUnicode map still makes text extraction pass — so a text-only test
 * proves nothing. The adapter wraps fontkit 2, and test/report renders the PDFs with MuPDF and looks for ink.
 *
 * The adapter also replaces fontkit's OpenType shaping (`layout`) with a plain cmap lookup, one glyph per code
 * point: Chinese and Latin report text needs no shaping, the lookup is much faster on a 30 000-glyph font, and
 * it makes the widths the layout engine measures exactly the widths pdf-lib writes (no ligatures).
 *
 * Caching: the font files (≈10 MB each) are read once per process, and each is parsed by fontkit once; every
 * report then only builds its own subset.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import type { FkFont, FkGlyph, FkSubset } from 'fontkit';

/** What pdf-lib's `registerFontkit` needs: `create(bytes)` returning a font with the @pdf-lib/fontkit API. */
export interface PdfLibFontkit {
  create(data: Uint8Array): FkFont;
}

export type FontWeight = 'regular' | 'bold';

export interface ReportFonts {
  regular: Uint8Array;
  bold: Uint8Array;
  /** the adapter to register on every PDFDocument that embeds these bytes */
  fontkit: PdfLibFontkit;
  /** the parsed fonts (shared), for measuring */
  regularFont: FkFont;
  boldFont: FkFont;
  /** width measurement (cached per code point, shared by every report) */
  measure: Record<FontWeight, TextMeasurer>;
}

const FONT_FILES: Record<FontWeight, string> = {
  regular: '400Regular/NotoSansSC_400Regular.ttf',
  bold: '700Bold/NotoSansSC_700Bold.ttf',
};

export function fontFilePath(weight: FontWeight): string {
  const pkg = dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
  return join(pkg, FONT_FILES[weight]);
}

/**
 * A small event-emitter with the shape pdf-lib consumes (`.on('data').on('end').on('error')`), fed from
 * fontkit 2's synchronous `encode()` on the next tick (after pdf-lib has attached its handlers).
 */
function encodeStreamOf(subset: FkSubset) {
  const handlers: Partial<Record<'data' | 'end' | 'error', (arg?: unknown) => void>> = {};
  const emitter = {
    on(event: 'data' | 'end' | 'error', fn: (arg?: unknown) => void) {
      handlers[event] = fn;
      return emitter;
    },
  };
  setImmediate(() => {
    let bytes: Uint8Array;
    try {
      bytes = subset.encode();
    } catch (e) {
      handlers.error?.(e);
      return;
    }
    handlers.data?.(bytes);
    handlers.end?.();
  });
  return emitter;
}

/** One glyph per code point, straight from the cmap (no GSUB/GPOS). */
function cmapLayout(font: FkFont, text: string): { glyphs: FkGlyph[] } {
  const glyphs: FkGlyph[] = [];
  for (const ch of text) glyphs.push(font.glyphForCodePoint(ch.codePointAt(0)!));
  return { glyphs };
}

/**
 * Wrap a fontkit 2 font for pdf-lib: `createSubset()` gains `encodeStream()`, `layout()` is the cmap lookup.
 * The wrapper inherits everything else from the fontkit font (prototype), so metrics and tables are shared.
 */
export function adaptFontkitFont(font: FkFont, subsetHook?: (subset: FkSubset) => FkSubset): FkFont {
  const adapted = Object.create(font) as FkFont & { createSubset(): FkSubset & { encodeStream(): unknown } };
  adapted.createSubset = () => {
    const subset = (subsetHook ?? ((s) => s))(font.createSubset()) as FkSubset & { encodeStream(): unknown };
    subset.encodeStream = () => encodeStreamOf(subset);
    return subset;
  };
  adapted.layout = (text: string) => cmapLayout(font, text);
  return adapted;
}

const parsed = new WeakMap<Uint8Array, FkFont>();

/** Parse once per byte array (identity): every report embedding the cached bytes reuses the parsed font. */
function parseCached(data: Uint8Array): FkFont {
  let f = parsed.get(data);
  if (!f) {
    f = adaptFontkitFont(fontkit.create(data));
    parsed.set(data, f);
  }
  return f;
}

/** The fontkit 2 adapter for pdf-lib's `registerFontkit`. */
export const fontkitAdapter: PdfLibFontkit = { create: parseCached };

let cached: ReportFonts | undefined;

/**
 * The report fonts, read and parsed once per process. The bold face is read on first use only (reports draw
 * bold by stroking the regular face unless a layout asks for boldStyle 'font').
 */
export function loadReportFonts(): ReportFonts {
  if (!cached) {
    const regular = readFileSync(fontFilePath('regular'));
    const regularFont = parseCached(regular);
    let bold: { bytes: Uint8Array; font: FkFont; measure: TextMeasurer } | undefined;
    const boldFace = () => {
      if (!bold) {
        const bytes = readFileSync(fontFilePath('bold'));
        const font = parseCached(bytes);
        bold = { bytes, font, measure: new TextMeasurer(font) };
      }
      return bold;
    };
    const regularMeasure = new TextMeasurer(regularFont);
    cached = {
      regular,
      get bold() {
        return boldFace().bytes;
      },
      fontkit: fontkitAdapter,
      regularFont,
      get boldFont() {
        return boldFace().font;
      },
      measure: {
        regular: regularMeasure,
        get bold() {
          return boldFace().measure;
        },
      },
    };
  }
  return cached;
}

/** Width measurement from the fonts' advance widths, per code point, cached. */
export class TextMeasurer {
  private readonly widths = new Map<number, number>();
  private readonly scale: number;

  constructor(private readonly font: FkFont) {
    this.scale = 1 / font.unitsPerEm;
  }

  /** width of `text` at 1pt (multiply by the font size) */
  unitWidth(text: string): number {
    let w = 0;
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      let a = this.widths.get(cp);
      if (a === undefined) {
        a = this.font.glyphForCodePoint(cp).advanceWidth * this.scale;
        this.widths.set(cp, a);
      }
      w += a;
    }
    return w;
  }

  width(text: string, size: number): number {
    return this.unitWidth(text) * size;
  }

  /** ascent / descent (descent negative) at 1pt */
  get ascent(): number {
    return this.font.ascent * this.scale;
  }
  get descent(): number {
    return this.font.descent * this.scale;
  }

  /** code points the font has no glyph for (they would print as .notdef boxes) */
  missing(text: string): string[] {
    const out = new Set<string>();
    for (const ch of text) if (!/\s/.test(ch) && !this.font.hasGlyphForCodePoint(ch.codePointAt(0)!)) out.add(ch);
    return [...out];
  }
}
