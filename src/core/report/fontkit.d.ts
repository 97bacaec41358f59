/**
 * The part of upstream fontkit 2 (foliojs/fontkit, no bundled types) the report code uses.
 */
declare module 'fontkit' {
  export interface FkBBox {
    minX: number;
    minY: number;
    maxX: number;
    maxY: number;
  }
  export interface FkGlyph {
    id: number;
    codePoints: number[];
    advanceWidth: number;
    bbox: FkBBox;
    path: { commands: { command: string; args: number[] }[] };
  }
  export interface FkSubset {
    glyphs: number[];
    includeGlyph(glyph: number | FkGlyph): number;
    /** fontkit 2: the subset font file in one go (fontkit 1 / @pdf-lib/fontkit had encodeStream()) */
    encode(): Uint8Array;
  }
  export interface FkFont {
    postscriptName: string;
    familyName: string;
    unitsPerEm: number;
    ascent: number;
    descent: number;
    numGlyphs: number;
    characterSet: number[];
    bbox: FkBBox;
    glyphForCodePoint(codePoint: number): FkGlyph;
    hasGlyphForCodePoint(codePoint: number): boolean;
    getGlyph(id: number): FkGlyph;
    layout(text: string, features?: unknown): { glyphs: FkGlyph[] };
    createSubset(): FkSubset;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): FkFont;
}
