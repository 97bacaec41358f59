/** PDF text through MuPDF (the shared loader in test/report/support/mupdf.ts). */
import { loadMupdf } from '../../report/support/mupdf';

/** Text of every page. */
export async function pdfPages(pdf: Uint8Array): Promise<string[]> {
  const mupdf = await loadMupdf();
  const doc = mupdf.Document.openDocument(new Uint8Array(pdf), 'application/pdf');
  const pages: string[] = [];
  for (let i = 0; i < doc.countPages(); i++) pages.push(doc.loadPage(i).toStructuredText("preserve-whitespace").asText());
  return pages;
}

/** All text without white space (CJK extraction breaks lines freely). */
export async function pdfTextSquashed(pdf: Uint8Array): Promise<string> {
  return (await pdfPages(pdf)).join('\n').replace(/\s+/g, '');
}
