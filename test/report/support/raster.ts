/**
 * Render PDFs with MuPDF (the official WebAssembly build, `mupdf` on npm) and look at the pixels — the only check
 * that proves glyphs are drawn. Text extraction reads the ToUnicode map, which survives a font whose outlines went
 * missing. Nothing outside node_modules is needed: no poppler, no system fonts.
 */
import type { PlacedBox } from '../../../src/core/report';
import { loadMupdf, openPdf, type PdfDocument } from './mupdf';

export interface GrayImage {
  width: number;
  height: number;
  maxval: number;
  /** row-major, 0 = black */
  pixels: Uint8Array;
}

export interface Rendered {
  pages: GrayImage[];
  dpi: number;
  /** every warning and error MuPDF reported while reading and drawing (font errors, syntax problems) */
  stderr: string;
  /** 0 when every page rendered, 1 when MuPDF threw */
  status: number;
}

/** Render every page to 8-bit gray at `dpi` (no alpha: white paper). */
export async function renderPdf(pdf: Uint8Array, dpi = 40): Promise<Rendered> {
  const mupdf = await loadMupdf();
  return withLog(async (log) => {
    const pages: GrayImage[] = [];
    let status = 0;
    try {
      const doc = openPdf(mupdf, pdf);
      try {
        for (let i = 0; i < doc.countPages(); i++) {
          const page = doc.loadPage(i);
          const pix = page.toPixmap(mupdf.Matrix.scale(dpi / 72, dpi / 72), mupdf.ColorSpace.DeviceGray, false, true);
          pages.push(grayOf(pix.getWidth(), pix.getHeight(), pix.getStride(), pix.getPixels()));
          pix.destroy();
          page.destroy();
        }
      } finally {
        doc.destroy();
      }
    } catch (e) {
      log.push(String(e));
      status = 1;
    }
    return { pages, dpi, status };
  });
}

/** a tightly packed copy of a gray pixmap (MuPDF rows may be padded to the stride) */
function grayOf(width: number, height: number, stride: number, samples: ArrayLike<number>): GrayImage {
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pixels[y * width + x] = samples[y * stride + x];
  return { width, height, maxval: 255, pixels };
}

/** Run `fn` with MuPDF's warnings and errors collected; they come back joined as `stderr`. */
async function withLog<T extends object>(fn: (log: string[]) => Promise<T>): Promise<T & { stderr: string }> {
  const mupdf = await loadMupdf();
  const log: string[] = [];
  mupdf.setLog({ error: (m) => log.push(`error: ${m}`), warning: (m) => log.push(`warning: ${m}`) });
  try {
    const r = await fn(log);
    return { ...r, stderr: log.join('\n') };
  } finally {
    mupdf.setLog(null);
  }
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
  status: number;
  pageCount: number;
  /** text boxes (with visible characters) that rendered no dark pixel at all */
  blankBoxes: PlacedBox[];
  checkedBoxes: number;
}

/**
 * Render the PDF and check that every text line the layout placed shows ink where it was placed.
 * A font whose glyphs are empty (the @pdf-lib/fontkit subset failure) leaves every box blank.
 */
export async function inkCheck(pdf: Uint8Array, boxes: PlacedBox[], pageHeightPt: number, dpi = 40): Promise<InkReport> {
  const r = await renderPdf(pdf, dpi);
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

/**
 * The fonts a PDF uses, as `pdffonts` lists them: name, type, embedded? subset? ToUnicode? Read from every
 * page's /Resources /Font dictionary (a Type0 font's program sits in its descendant CID font's descriptor).
 */
export async function pdfFonts(pdf: Uint8Array): Promise<{ fonts: PdfFont[]; stderr: string }> {
  const mupdf = await loadMupdf();
  return withLog(async () => {
    const doc: PdfDocument = openPdf(mupdf, pdf);
    const fonts: PdfFont[] = [];
    const seen = new Set<string>();
    try {
      for (let i = 0; i < doc.countPages(); i++) {
        const dict = doc.findPage(i).getInheritable('Resources').get('Font');
        if (!dict.isDictionary()) continue;
        dict.forEach((ref) => {
          const key = ref.isIndirect() ? `obj ${ref.asIndirect()}` : ref.toString();
          if (seen.has(key)) return;
          seen.add(key);
          const font = ref.resolve();
          const subtype = font.get('Subtype').asName();
          const descendant = subtype === 'Type0' ? font.get('DescendantFonts').get(0).resolve() : font;
          const descriptor = descendant.get('FontDescriptor').resolve();
          const program = ['FontFile', 'FontFile2', 'FontFile3'].some((k) => !descriptor.get(k).isNull());
          const name = font.get('BaseFont').asName();
          fonts.push({
            name,
            type: fontType(subtype, descendant.get('Subtype').asName()),
            embedded: program,
            subset: /^[A-Z]{6}\+/.test(name),
            unicode: !font.get('ToUnicode').isNull(),
          });
        });
      }
    } finally {
      doc.destroy();
    }
    return { fonts };
  });
}

/** pdffonts' type names */
function fontType(subtype: string, descendantSubtype: string): string {
  if (subtype === 'Type0') return descendantSubtype === 'CIDFontType2' ? 'CID TrueType' : 'CID Type 0C';
  return ({ TrueType: 'TrueType', Type1: 'Type 1', Type3: 'Type 3' } as Record<string, string>)[subtype] ?? subtype;
}
