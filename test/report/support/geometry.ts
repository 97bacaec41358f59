import type { PdfLayout, PlacedBox } from '../../../src/core/report';

const overlaps = (a: PlacedBox, b: PlacedBox, eps = 0.01) =>
  a.page === b.page && a.x < b.x + b.width - eps && b.x < a.x + a.width - eps && a.y < b.y + b.height - eps && b.y < a.y + a.height - eps;

/** Pairs of text/bar boxes that overlap (fills under text and strokes are meant to overlap and are ignored). */
export function overlappingPairs(boxes: PlacedBox[]): [PlacedBox, PlacedBox][] {
  const byPage = new Map<number, PlacedBox[]>();
  for (const b of boxes) if (b.kind === 'text' || b.kind === 'bar') byPage.set(b.page, [...(byPage.get(b.page) ?? []), b]);
  const out: [PlacedBox, PlacedBox][] = [];
  for (const list of byPage.values()) {
    const sorted = [...list].sort((a, b) => b.y + b.height - (a.y + a.height));
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        if (sorted[j].y + sorted[j].height < sorted[i].y - 0.01) break; // entirely below: nothing further overlaps
        if (overlaps(sorted[i], sorted[j])) out.push([sorted[i], sorted[j]]);
      }
    }
  }
  return out;
}

/** Boxes outside their allowed area: body inside the margins; header/footer inside the page, outside the body. */
export function misplacedBoxes(doc: PdfLayout): PlacedBox[] {
  const eps = 0.01;
  return doc.boxes.filter((b) => {
    const inX = b.x >= doc.left - eps && b.x + b.width <= doc.right + eps;
    if (b.region === 'body') return !(inX && b.y >= doc.bottom - eps && b.y + b.height <= doc.top + eps);
    if (b.region === 'header') return !(inX && b.y >= doc.top - eps && b.y + b.height <= doc.pageHeight);
    return !(b.x >= 0 && b.x + b.width <= doc.pageWidth && b.y >= 0 && b.y + b.height <= doc.bottom + eps);
  });
}
