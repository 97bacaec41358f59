/**
 * Render PDFs with poppler (pdftoppm) and look at the pixels — the only check that proves glyphs are drawn.
 * Text extraction (pdf-parse) reads the ToUnicode map, which survives a font whose outlines went missing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PlacedBox } from '../../../src/core/report';

export interface GrayImage {
  width: number;
  height: number;
  maxval: number;
  /** row-major, 0 = black */
  pixels: Uint8Array;
}

/** Binary PGM (P5, maxval ≤ 255) — what `pdftoppm -gray` writes. */
export function readPgm(buf: Buffer): GrayImage {
  let pos = 0;
  const token = (): string => {
    for (;;) {
      while (pos < buf.length && /\s/.test(String.fromCharCode(buf[pos]))) pos++;
      if (buf[pos] === 0x23 /* # */) {
        while (pos < buf.length && buf[pos] !== 0x0a) pos++;
        continue;
      }
      break;
    }
    const start = pos;
    while (pos < buf.length && !/\s/.test(String.fromCharCode(buf[pos]))) pos++;
    return buf.subarray(start, pos).toString('latin1');
  };
  const magic = token();
  if (magic !== 'P5') throw new Error(`not a binary PGM: ${magic}`);
  const width = Number(token());
  const height = Number(token());
  const maxval = Number(token());
  if (maxval > 255) throw new Error('16-bit PGM not supported');
  pos++; // the single white-space byte after maxval
  const pixels = new Uint8Array(buf.subarray(pos, pos + width * height));
  if (pixels.length !== width * height) throw new Error('truncated PGM');
  return { width, height, maxval, pixels };
}

export interface Rendered {
  pages: GrayImage[];
  dpi: number;
  /** everything poppler printed on stderr (font errors, syntax warnings) */
  stderr: string;
  status: number | null;
}

export function pdftoppmAvailable(): boolean {
  return spawnSync('pdftoppm', ['-v']).status === 0;
}

/** Render every page to gray PGM at `dpi` with pdftoppm. */
export function renderPdf(pdf: Uint8Array, dpi = 40): Rendered {
  const dir = mkdtempSync(join(tmpdir(), 'pdfraster-'));
  try {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, pdf);
    const r = spawnSync('pdftoppm', ['-gray', '-r', String(dpi), file, join(dir, 'p')], { encoding: 'utf8' });
    if (r.error) throw r.error;
    const files = readdirSync(dir)
      .filter((f) => f.startsWith('p') && f.endsWith('.pgm'))
      .sort((a, b) => pageNo(a) - pageNo(b));
    return { pages: files.map((f) => readPgm(readFileSync(join(dir, f)))), dpi, stderr: r.stderr ?? '', status: r.status };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function pageNo(f: string): number {
  return Number(/-(\d+)\.pgm$/.exec(f)?.[1] ?? 0);
}

/**
 * Dark pixels inside a PDF-space rectangle of a page rendered at `dpi`. Threshold 200 separates glyph ink (anti-aliased, even muted gray text) from the
 * lightest things drawn under text (table fills are ≥ 230).
 */
export function darkPixels(img: GrayImage, dpi: number, pageHeightPt: number, box: Rect, threshold = 200): number {
  return countPixels(img, dpi, pageHeightPt, box, (v) => v < threshold, 0);
}

/**
 * Light pixels (value > threshold) inside the box shrunk by one pixel — the ink of white text drawn on a
 * coloured tag (the shrink keeps the anti-aliased edge of the tag itself out).
 */
export function lightPixels(img: GrayImage, dpi: number, pageHeightPt: number, box: Rect, threshold = 170): number {
  return countPixels(img, dpi, pageHeightPt, box, (v) => v > threshold, 1);
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

function countPixels(img: GrayImage, dpi: number, pageHeightPt: number, box: Rect, hit: (v: number) => boolean, inset: number): number {
  const k = dpi / 72;
  const x0 = Math.max(0, Math.floor(box.x * k) + inset);
  const x1 = Math.min(img.width, Math.ceil((box.x + box.width) * k) - inset);
  const y0 = Math.max(0, Math.floor((pageHeightPt - box.y - box.height) * k) + inset);
  const y1 = Math.min(img.height, Math.ceil((pageHeightPt - box.y) * k) - inset);
  let n = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (hit(img.pixels[y * img.width + x])) n++;
  return n;
}

export interface InkReport {
  stderr: string;
  status: number | null;
  pageCount: number;
  /** text boxes (with visible characters) that rendered no dark pixel at all */
  blankBoxes: PlacedBox[];
  checkedBoxes: number;
}

/**
 * Render the PDF and check that every text line the layout placed shows ink where it was placed.
 * A font whose glyphs are empty (the @pdf-lib/fontkit subset failure) leaves every box blank.
 */
export function inkCheck(pdf: Uint8Array, boxes: PlacedBox[], pageHeightPt: number, dpi = 40): InkReport {
  const r = renderPdf(pdf, dpi);
  const blankBoxes: PlacedBox[] = [];
  let checked = 0;
  for (const b of boxes) {
    if (b.kind !== 'text' || !b.text || !/[\p{L}\p{N}]/u.test(b.text)) continue;
    const img = r.pages[b.page - 1];
    checked++;
    // dark text on paper or a light fill: look for dark pixels; white text on a coloured tag: light pixels
    const lightText = b.color !== undefined && 0.3 * b.color[0] + 0.59 * b.color[1] + 0.11 * b.color[2] > 0.8;
    const ink = !img ? 0 : lightText ? lightPixels(img, r.dpi, pageHeightPt, b) : darkPixels(img, r.dpi, pageHeightPt, b);
    if (ink === 0) blankBoxes.push(b);
  }
  return { stderr: r.stderr, status: r.status, pageCount: r.pages.length, blankBoxes, checkedBoxes: checked };
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

/** `pdffonts`: the fonts a PDF uses — embedded? subset? ToUnicode? */
export function pdfFonts(pdf: Uint8Array): { fonts: PdfFont[]; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pdffonts-'));
  try {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, pdf);
    const r = spawnSync('pdffonts', [file], { encoding: 'utf8' });
    if (r.error) throw r.error;
    const fonts = r.stdout
      .split('\n')
      .slice(2)
      .filter((l) => l.trim() !== '')
      .map((l) => {
        const m = /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(l);
        if (!m) throw new Error(`pdffonts line not understood: ${l}`);
        return { name: m[1], type: m[2], embedded: m[4] === 'yes', subset: m[5] === 'yes', unicode: m[6] === 'yes' };
      });
    return { fonts, stderr: r.stderr ?? '' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
