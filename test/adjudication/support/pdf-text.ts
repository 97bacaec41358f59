/**
 * PDF text through mupdf (the official WASM build). mupdf is ESM-only with top-level await and the swc transform
 * turns `import()` into `require()`, so the module is loaded through a real dynamic import.
 */
/** the part of mupdf's API used here (its own .d.ts needs moduleResolution node16+) */
interface Mupdf {
  Document: {
    openDocument(data: Uint8Array, magic: string): { countPages(): number; loadPage(i: number): { toStructuredText(): { asText(): string } } };
  };
}
let loaded: Promise<Mupdf> | undefined;
const loadMupdf = (): Promise<Mupdf> =>
  (loaded ??= (new Function('s', 'return import(s)') as (s: string) => Promise<Mupdf>)('mupdf'));

/** Text of every page. */
export async function pdfPages(pdf: Uint8Array): Promise<string[]> {
  const mupdf = await loadMupdf();
  const doc = mupdf.Document.openDocument(new Uint8Array(pdf), 'application/pdf');
  const pages: string[] = [];
  for (let i = 0; i < doc.countPages(); i++) pages.push(doc.loadPage(i).toStructuredText().asText());
  return pages;
}

/** All text without white space (CJK extraction breaks lines freely). */
export async function pdfTextSquashed(pdf: Uint8Array): Promise<string> {
  return (await pdfPages(pdf)).join('\n').replace(/\s+/g, '');
}
