import { PDFParse } from 'pdf-parse';

/** Text of every page (pdf-parse empties the buffer it is given: it gets a copy). */
export async function pdfText(pdf: Uint8Array): Promise<{ text: string; pages: string[]; total: number }> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const r = await parser.getText();
    return { text: r.text, pages: r.pages.map((p) => p.text), total: r.total };
  } finally {
    await parser.destroy();
  }
}

/** Extracted text without white space — CJK extraction inserts spaces and line breaks freely. */
export const squash = (s: string): string => s.replace(/\s+/g, '');
