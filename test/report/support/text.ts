import { loadMupdf, openPdf } from './mupdf';

/** Text of every page, extracted by MuPDF (structured text, reading order). */
export async function pdfText(pdf: Uint8Array): Promise<{ text: string; pages: string[]; total: number }> {
  const mupdf = await loadMupdf();
  const doc = openPdf(mupdf, pdf);
  try {
    const pages: string[] = [];
    for (let i = 0; i < doc.countPages(); i++) {
      const page = doc.loadPage(i);
      const st = page.toStructuredText('preserve-whitespace');
      pages.push(st.asText());
      st.destroy();
      page.destroy();
    }
    return { text: pages.join('\n'), pages, total: pages.length };
  } finally {
    doc.destroy();
  }
}

/** Extracted text without white space — CJK extraction inserts spaces and line breaks freely. */
export const squash = (s: string): string => s.replace(/\s+/g, '');
