/**
 * Proof that the rendering check catches blank glyphs.
 *
 * The failure it guards against: pdf-lib + @pdf-lib/fontkit with `subset: true` can write a font subset whose
 * glyph outlines are empty while the ToUnicode map is intact — text extraction still finds every
 * word, but the printed page is blank. Here a subset hook reproduces exactly that (every glyph slot gets the
 * outline of the space glyph: same glyph count, same ids, same ToUnicode), and a second hook writes a broken
 * font program. The detector (render with MuPDF, require ink in every placed text box, require silence in
 * MuPDF's log) must fail both, while the real adapter passes (review-report.spec.ts).
 */
import * as fontkit from 'fontkit';
import type { FkSubset } from 'fontkit';
import { adaptFontkitFont, layoutReviewReport, loadReportFonts, type ReportFonts } from '../../src/core/report';
import { darkPixels, inkCheck, renderPdf } from './support/raster';
import { pdfText, squash } from './support/text';
import { baseReview, educationFinding, hearingFinding, input } from './support/synthetic';

type Hook = (font: ReturnType<typeof fontkit.create>, subset: FkSubset) => FkSubset;

/** report fonts whose pdf-lib adapter applies `hook` to every subset (fresh byte arrays: no shared cache) */
function fontsWith(hook: Hook): ReportFonts {
  const base = loadReportFonts();
  return {
    ...base,
    regular: new Uint8Array(base.regular),
    bold: new Uint8Array(base.bold),
    fontkit: {
      create(data: Uint8Array) {
        const font = fontkit.create(data);
        return adaptFontkitFont(font, (subset) => hook(font, subset));
      },
    },
  };
}

/** every glyph slot encoded with the (empty) outline of the space glyph — the @pdf-lib/fontkit symptom */
const blankOutlines: Hook = (font, subset) => {
  const s = subset as FkSubset & { _addGlyph(gid: number): number };
  const addGlyph = s._addGlyph.bind(s);
  const space = font.glyphForCodePoint(0x20).id;
  s._addGlyph = (gid: number) => addGlyph(gid === 0 ? 0 : space);
  return s;
};

/** a truncated font program */
const brokenProgram: Hook = (_font, subset) => {
  const encode = subset.encode.bind(subset);
  subset.encode = () => encode().slice(0, 64);
  return subset;
};

const review = () => baseReview([hearingFinding(), educationFinding()]);

describe('blank-glyph detector', () => {
  it('fails a PDF whose glyphs are blank although text extraction still finds all of it', async () => {
    const { pdf, layout } = await layoutReviewReport(input(review()), { fonts: fontsWith(blankOutlines) });
    // text extraction is fooled: everything is "there"
    const t = squash((await pdfText(pdf)).text);
    expect(t).toContain('行政处罚案卷评查报告');
    expect(t).toContain('益环罚〔2025〕12号');
    expect(t).toContain('DL-06');
    // the pixels are not
    const ink = await inkCheck(pdf, layout.boxes, layout.pageHeight, 40);
    expect(ink.checkedBoxes).toBeGreaterThan(40);
    expect(ink.blankBoxes.length).toBe(ink.checkedBoxes);
    const title = layout.boxes.find((b) => b.text === '行政处罚案卷评查报告')!;
    expect(darkPixels((await renderPdf(pdf, 40)).pages[0], 40, layout.pageHeight, title)).toBe(0);
  });

  it('fails a PDF whose font program is broken (MuPDF reports errors, glyphs missing)', async () => {
    const { pdf, layout } = await layoutReviewReport(input(review()), { fonts: fontsWith(brokenProgram) });
    const ink = await inkCheck(pdf, layout.boxes, layout.pageHeight, 40);
    expect(ink.stderr).not.toBe('');
    expect(ink.blankBoxes.length).toBeGreaterThan(0);
  });

  it('passes the same report made with the real adapter', async () => {
    const { pdf, layout } = await layoutReviewReport(input(review()));
    const ink = await inkCheck(pdf, layout.boxes, layout.pageHeight, 40);
    expect(ink.stderr).toBe('');
    expect(ink.blankBoxes).toEqual([]);
  });
});
