/**
 * MuPDF for the tests: the official WebAssembly build (`mupdf` on npm) is an ES module with top-level await, so it
 * is loaded once with a real dynamic import (jest keeps `import()` as is: `ignoreDynamic` in jest.config.js).
 */
type Mupdf = typeof import('mupdf');
export type PdfDocument = import('mupdf').PDFDocument;

let loading: Promise<Mupdf> | undefined;

export function loadMupdf(): Promise<Mupdf> {
  loading ??= import('mupdf');
  return loading;
}

/** open PDF bytes (MuPDF keeps its own copy) */
export function openPdf(mupdf: Mupdf, pdf: Uint8Array): PdfDocument {
  const doc = mupdf.Document.openDocument(new Uint8Array(pdf), 'application/pdf');
  const asPdf = doc.asPDF();
  if (!asPdf) throw new Error('not a PDF');
  return asPdf;
}
