/**
 * PdfLayout — a small flow-layout builder for Chinese PDFs on pdf-lib (reusable: review reports, the annual
 * evaluation summary, anything else that needs CJK text with tables and page numbers).
 *
 *   const doc = await PdfLayout.create({ title: '年度评查汇总', runningHeader: '益阳市生态环境局' });
 *   doc.heading('一、总体情况');
 *   doc.paragraph('本年度共评查案卷 40 件……');
 *   doc.table({ columns: [{ header: '案号', width: 3 }, { header: '得分', width: 1, align: 'right' }], rows });
 *   doc.barChart({ items: [{ label: '立案', value: 7.5 }], max: 8 });
 *   const pdf = await doc.finish();   // draws "第 N 页 共 M 页" on every page, returns the bytes
 *
 * Flow: a cursor moves down the page; every block asks for the room it needs and starts a new page when it
 * does not fit. Text is wrapped by ./linebreak (中文断行 with 避头尾). Tables repeat their header row on every
 * page they run onto; a row taller than a page is split between lines.
 *
 * Every box drawn is logged in `doc.boxes` (page, rectangle, kind, text) so tests can prove nothing overlaps
 * and nothing leaves the margins.
 */
import {
  beginText,
  endText,
  moveText,
  PDFDocument,
  PDFFont,
  PDFName,
  PDFPage,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setFillingColor,
  setFontAndSize,
  setLineWidth,
  setStrokingColor,
  setTextRenderingMode,
  showText,
  TextRenderingMode,
} from 'pdf-lib';
import { loadReportFonts, type ReportFonts, type TextMeasurer } from './fonts';
import { breakLines } from './linebreak';

export type Color = readonly [number, number, number];

export const A4: readonly [number, number] = [595.28, 841.89];
/** 20 mm */
const MM20 = 56.69;

/** the reports' palette (RGB 0–1): a table of named colours */
export const COLORS = {
  text: [0.1, 0.1, 0.1],
  muted: [0.4, 0.4, 0.4],
  rule: [0.55, 0.55, 0.55],
  border: [0.45, 0.45, 0.45],
  headerFill: [0.9, 0.9, 0.9],
  labelFill: [0.95, 0.95, 0.95],
  zebra: [0.97, 0.97, 0.97],
  bar: [0.25, 0.42, 0.62],
  red: [0.72, 0.08, 0.08],
  orange: [0.8, 0.42, 0.0],
  blue: [0.2, 0.35, 0.6],
  green: [0.1, 0.45, 0.2],
} as const satisfies Record<string, Color>;

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface LayoutOptions {
  pageSize?: readonly [number, number];
  margins?: Partial<Margins>;
  /** PDF metadata */
  title?: string;
  subject?: string;
  author?: string;
  /** small text at the top of every page (in the top margin), left and right */
  runningHeader?: { left?: string; right?: string };
  /** footer text per page; default 第 N 页 共 M 页 */
  footer?: (page: number, pages: number) => string;
  /** body text size (pt), default 10 */
  baseSize?: number;
  /**
   * How bold text is made. 'stroke' (default): the regular font, filled and outlined (a thin stroke) — the
   * usual faux bold of Chinese documents; only one font subset goes into the PDF, which keeps reports small
   * (a CJK subset costs ≈ 70 bytes per distinct character). 'font': the real Noto Sans SC Bold, embedded as a
   * second subset.
   */
  boldStyle?: 'stroke' | 'font';
  fonts?: ReportFonts;
}

export type BoxKind = 'text' | 'fill' | 'bar' | 'stroke';
export type BoxRegion = 'body' | 'header' | 'footer';

export interface PlacedBox {
  /** 1-based */
  page: number;
  x: number;
  /** bottom edge (PDF coordinates, origin bottom-left) */
  y: number;
  width: number;
  height: number;
  kind: BoxKind;
  region: BoxRegion;
  text?: string;
  /** text colour (text boxes) */
  color?: Color;
}

export interface Label {
  text: string;
  bold?: boolean;
  color?: Color;
  /** a filled tag behind the label (text is then drawn white) */
  fill?: Color;
}

export interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: Color;
  align?: 'left' | 'center' | 'right';
  /** left indent of every line (pt) */
  indent?: number;
  /** line height as a multiple of size (default 1.6) */
  lineHeight?: number;
  spaceBefore?: number;
  spaceAfter?: number;
  /** a label before the text ("依据："), the text wrapping under itself (hanging indent) */
  label?: Label;
  /** keep at least this much room below the first line on the same page (headings: keep with next) */
  keepWithNext?: number;
}

export interface TableCell {
  text: string;
  bold?: boolean;
  color?: Color;
  fill?: Color;
  align?: 'left' | 'center' | 'right';
  /** columns this cell spans (default 1) */
  colSpan?: number;
}

export interface TableColumn {
  header: string;
  /** relative width */
  width: number;
  align?: 'left' | 'center' | 'right';
}

/** a column written as [header, relative width, alignment?] — e.g. ['平均分', 0.9, 'right'] */
export type ColumnDef = readonly [header: string, width: number, align?: TableColumn['align']];

/** the columns of a table, one [header, width, align?] each: the one way the reports spell a table's columns */
export function tableColumns(...defs: ColumnDef[]): TableColumn[] {
  return defs.map(([header, width, align]) => (align ? { header, width, align } : { header, width }));
}

export interface TableSpec {
  columns: TableColumn[];
  rows: (string | TableCell)[][];
  /** text size (default base size − 1) */
  size?: number;
  /** show the header row (default true); it repeats on every page the table runs onto */
  header?: boolean;
  zebra?: boolean;
  padding?: number;
  spaceAfter?: number;
}

export interface BarChartItem {
  label: string;
  value: number;
  color?: Color;
  /** text after the bar (default: the value, with unit) */
  valueLabel?: string;
}

export interface BarChartSpec {
  title?: string;
  items: BarChartItem[];
  /** value at the full bar width (default: the largest value) */
  max?: number;
  unit?: string;
  /** label column width (pt; default 30 % of the content width) */
  labelWidth?: number;
  barHeight?: number;
  size?: number;
  /** gridlines at these fractions of max, with tick labels below the chart (default 0, .25, .5, .75, 1) */
  ticks?: number[];
  spaceAfter?: number;
}

interface PageState {
  page: PDFPage;
  number: number;
  /** the page's resource names of the fonts used on it */
  fontKeys: Map<PDFFont, PDFName>;
}

const EPS = 0.01;

export class PdfLayout {
  readonly boxes: PlacedBox[] = [];
  /** characters the font has no glyph for (they print as boxes) */
  readonly missingGlyphs = new Set<string>();
  readonly pageWidth: number;
  readonly pageHeight: number;
  readonly margins: Margins;
  readonly baseSize: number;

  private readonly pages: PageState[] = [];
  private cursor = 0;

  private readonly fauxBold: boolean;

  private constructor(
    readonly pdf: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont | undefined,
    private readonly fonts: ReportFonts,
    private readonly options: LayoutOptions,
  ) {
    this.fauxBold = bold === undefined;
    [this.pageWidth, this.pageHeight] = options.pageSize ?? A4;
    this.margins = { top: MM20, right: MM20 - 6, bottom: MM20, left: MM20 - 6, ...options.margins };
    this.baseSize = options.baseSize ?? 10;
  }

  static async create(options: LayoutOptions = {}): Promise<PdfLayout> {
    const fonts = options.fonts ?? loadReportFonts();
    const pdf = await PDFDocument.create();
    // pdf-lib's Fontkit type is @pdf-lib/fontkit's; the adapter provides the part pdf-lib calls.
    pdf.registerFontkit(fonts.fontkit as unknown as Parameters<PDFDocument['registerFontkit']>[0]);
    // a six-letter tag + "+" marks a subset font (PDF 32000 §9.6.4)
    const regular = await pdf.embedFont(fonts.regular, { subset: true, customName: 'NSSCRG+NotoSansSC-Regular' });
    const bold =
      options.boldStyle === 'font'
        ? await pdf.embedFont(fonts.bold, { subset: true, customName: 'NSSCBD+NotoSansSC-Bold' })
        : undefined;
    if (options.title) pdf.setTitle(options.title);
    if (options.subject) pdf.setSubject(options.subject);
    if (options.author) pdf.setAuthor(options.author);
    pdf.setCreator('casefile-compliance');
    pdf.setProducer('casefile-compliance (pdf-lib + fontkit 2, Noto Sans SC)');
    pdf.setLanguage('zh-CN');
    const doc = new PdfLayout(pdf, regular, bold, fonts, options);
    doc.newPage();
    return doc;
  }

  // ——— geometry ———

  get contentWidth(): number {
    return this.pageWidth - this.margins.left - this.margins.right;
  }
  get left(): number {
    return this.margins.left;
  }
  get right(): number {
    return this.pageWidth - this.margins.right;
  }
  get top(): number {
    return this.pageHeight - this.margins.top;
  }
  get bottom(): number {
    return this.margins.bottom;
  }
  /** the y the next block starts at (top of its first line) */
  get y(): number {
    return this.cursor;
  }
  get pageCount(): number {
    return this.pages.length;
  }
  /** room left on the current page */
  get remaining(): number {
    return this.cursor - this.bottom;
  }

  private get current(): PageState {
    return this.pages[this.pages.length - 1];
  }

  newPage(): void {
    const page = this.pdf.addPage([this.pageWidth, this.pageHeight]);
    this.pages.push({ page, number: this.pages.length + 1, fontKeys: new Map() });
    this.cursor = this.top;
  }

  /** start a new page unless `height` still fits on this one */
  ensureSpace(height: number): void {
    if (this.cursor - height < this.bottom - EPS && this.cursor < this.top - EPS) this.newPage();
  }

  space(height: number): void {
    this.cursor -= height;
    if (this.cursor < this.bottom) this.newPage();
  }

  // ——— text measurement ———

  measurer(bold = false): TextMeasurer {
    return bold && !this.fauxBold ? this.fonts.measure.bold : this.fonts.measure.regular;
  }

  textWidth(text: string, size: number, bold = false): number {
    return this.measurer(bold).width(text, size);
  }

  wrap(text: string, width: number, size: number, bold = false): string[] {
    const m = this.measurer(bold);
    return breakLines(clean(text), width, (s) => m.width(s, size));
  }

  /** `text` cut with … so that it fits `width` (one line) */
  fit(text: string, width: number, size: number, bold = false): string {
    if (this.textWidth(text, size, bold) <= width) return text;
    const chars = Array.from(text);
    while (chars.length > 0 && this.textWidth(chars.join('') + '…', size, bold) > width) chars.pop();
    return chars.join('') + '…';
  }

  lineHeightOf(size: number, lineHeight = 1.6): number {
    return size * lineHeight;
  }

  // ——— low-level drawing (all logged) ———

  /**
   * Draw one line of text with its top at `top`, inside a slot of `slot` height (text centred vertically in
   * the slot). Returns the width drawn.
   */
  drawTextLine(
    text: string,
    x: number,
    top: number,
    opts: { size: number; bold?: boolean; color?: Color; slot?: number; region?: BoxRegion; page?: PageState },
  ): number {
    const size = opts.size;
    const m = this.measurer(opts.bold);
    const slot = opts.slot ?? size * 1.6;
    const glyphHeight = (m.ascent - m.descent) * size;
    const boxBottom = top - (slot - glyphHeight) / 2 - glyphHeight;
    const baseline = boxBottom - m.descent * size;
    const width = m.width(text, size);
    for (const ch of m.missing(text)) this.missingGlyphs.add(ch);
    const p = opts.page ?? this.current;
    if (text.trim() !== '') {
      const color = opts.color ?? COLORS.text;
      const font = opts.bold && this.bold ? this.bold : this.regular;
      // one compact text object per line: BT colour font position text ET (pdf-lib's drawText wraps each
      // line in q/Q with a line-height and a full text matrix — a third more content-stream bytes)
      const ops = [
        beginText(),
        setFillingColor(toRgb(color)),
        setFontAndSize(this.fontKey(p, font), size),
        moveText(r2(x), r2(baseline)),
        showText(font.encodeText(text)),
        endText(),
      ];
      if (opts.bold && this.fauxBold) {
        // faux bold: fill + outline with a stroke of 3.5 % of the size, in the text colour
        p.page.pushOperators(
          pushGraphicsState(),
          setTextRenderingMode(TextRenderingMode.FillAndOutline),
          setLineWidth(r2(size * 0.035)),
          setStrokingColor(toRgb(color)),
          ...ops,
          popGraphicsState(),
        );
      } else {
        p.page.pushOperators(...ops);
      }
      this.boxes.push({ page: p.number, x, y: boxBottom, width, height: glyphHeight, kind: 'text', region: opts.region ?? 'body', text, color });
    }
    return width;
  }

  private fontKey(p: PageState, font: PDFFont): PDFName {
    let key = p.fontKeys.get(font);
    if (!key) {
      key = PDFName.of(font === this.regular ? 'F1' : 'F2');
      p.page.node.setFontDictionary(key, font.ref);
      p.fontKeys.set(font, key);
    }
    return key;
  }

  fillRect(x: number, y: number, width: number, height: number, color: Color, kind: 'fill' | 'bar' = 'fill', page?: PageState): void {
    const p = page ?? this.current;
    p.page.drawRectangle({ x: r2(x), y: r2(y), width: r2(width), height: r2(height), color: toRgb(color) });
    this.boxes.push({ page: p.number, x, y, width, height, kind, region: 'body' });
  }

  strokeRect(x: number, y: number, width: number, height: number, color: Color = COLORS.border, thickness = 0.5): void {
    this.current.page.drawRectangle({ x: r2(x), y: r2(y), width: r2(width), height: r2(height), borderColor: toRgb(color), borderWidth: thickness });
    this.boxes.push({ page: this.current.number, x, y, width, height, kind: 'stroke', region: 'body' });
  }

  line(x1: number, y1: number, x2: number, y2: number, color: Color = COLORS.rule, thickness = 0.5, region: BoxRegion = 'body', page?: PageState): void {
    const p = page ?? this.current;
    p.page.drawLine({ start: { x: r2(x1), y: r2(y1) }, end: { x: r2(x2), y: r2(y2) }, color: toRgb(color), thickness });
    this.boxes.push({ page: p.number, x: Math.min(x1, x2), y: Math.min(y1, y2), width: Math.abs(x2 - x1), height: Math.abs(y2 - y1), kind: 'stroke', region });
  }

  // ——— flow blocks ———

  /** A paragraph: wrapped, paginated line by line. */
  paragraph(text: string, style: TextStyle = {}): void {
    const size = style.size ?? this.baseSize;
    const lh = this.lineHeightOf(size, style.lineHeight);
    const indent = style.indent ?? 0;
    if (style.spaceBefore) this.gap(style.spaceBefore);

    let labelWidth = 0;
    const label = style.label;
    if (label) {
      const pad = label.fill ? size * 0.35 : 0;
      labelWidth = this.textWidth(label.text, size, label.bold ?? true) + pad * 2 + (label.fill ? size * 0.4 : 0);
    }
    const avail = this.contentWidth - indent - labelWidth;
    const lines = this.wrap(text, Math.max(avail, size * 2), size, style.bold);
    this.ensureSpace(lh + (style.keepWithNext ?? 0));

    lines.forEach((ln, i) => {
      if (this.cursor - lh < this.bottom - EPS) this.newPage();
      const top = this.cursor;
      let x = this.left + indent;
      if (i === 0 && label) this.drawLabel(label, x, top, size, lh);
      x += labelWidth;
      const w = this.textWidth(ln, size, style.bold);
      if (style.align === 'center') x = this.left + indent + labelWidth + (avail - w) / 2;
      else if (style.align === 'right') x = this.right - w;
      this.drawTextLine(ln, x, top, { size, bold: style.bold, color: style.color, slot: lh });
      this.cursor -= lh;
    });
    if (style.spaceAfter) this.gap(style.spaceAfter);
  }

  private drawLabel(label: Label, x: number, top: number, size: number, slot: number): void {
    const bold = label.bold ?? true;
    if (label.fill) {
      const pad = size * 0.35;
      const w = this.textWidth(label.text, size, bold) + pad * 2;
      const m = this.measurer(bold);
      const h = (m.ascent - m.descent) * size;
      const boxBottom = top - (slot - h) / 2 - h;
      this.fillRect(x, boxBottom, w, h, label.fill);
      this.drawTextLine(label.text, x + pad, top, { size, bold, color: [1, 1, 1], slot });
    } else {
      this.drawTextLine(label.text, x, top, { size, bold, color: label.color, slot });
    }
  }

  /** vertical gap that never starts a page with blank space */
  gap(height: number): void {
    if (this.cursor >= this.top - EPS) return;
    this.cursor -= height;
    if (this.cursor < this.bottom) this.newPage();
  }

  heading(text: string, level: 1 | 2 | 3 = 1): void {
    const size = level === 1 ? this.baseSize + 4 : level === 2 ? this.baseSize + 2 : this.baseSize + 0.5;
    this.paragraph(text, {
      size,
      bold: true,
      lineHeight: 1.5,
      spaceBefore: level === 1 ? 10 : 6,
      spaceAfter: level === 1 ? 4 : 2,
      keepWithNext: this.lineHeightOf(this.baseSize) * 3,
    });
  }

  /** A centred document title. */
  title(text: string, size = this.baseSize + 10): void {
    this.paragraph(text, { size, bold: true, align: 'center', lineHeight: 1.5, spaceAfter: 2 });
  }

  /** A horizontal rule across the content width. */
  rule(color: Color = COLORS.rule, thickness = 0.6): void {
    this.ensureSpace(6);
    const y = this.cursor - 3;
    this.line(this.left, y, this.right, y, color, thickness);
    this.cursor -= 6;
  }

  /** A table; the header row repeats on each page; rows split between lines only if taller than a page. */
  table(spec: TableSpec): void {
    const size = spec.size ?? this.baseSize - 1;
    const pad = spec.padding ?? 3;
    const lh = this.lineHeightOf(size, 1.45);
    const totalWeight = spec.columns.reduce((s, c) => s + c.width, 0);
    const colW = spec.columns.map((c) => (c.width / totalWeight) * this.contentWidth);
    const colX = colW.map((_, i) => this.left + colW.slice(0, i).reduce((s, w) => s + w, 0));

    type Laid = { x: number; w: number; lines: string[]; cell: TableCell };
    const layRow = (cells: (string | TableCell)[], isHeader: boolean): Laid[] => {
      const out: Laid[] = [];
      let col = 0;
      for (const raw of cells) {
        const cell: TableCell = typeof raw === 'string' ? { text: raw } : raw;
        const span = Math.max(1, Math.min(cell.colSpan ?? 1, spec.columns.length - col));
        const w = colW.slice(col, col + span).reduce((s, v) => s + v, 0);
        const bold = cell.bold ?? isHeader;
        out.push({ x: colX[col], w, lines: this.wrap(cell.text, w - pad * 2, size, bold), cell: { ...cell, bold, align: cell.align ?? (isHeader ? 'center' : spec.columns[col].align) } });
        col += span;
      }
      if (col < spec.columns.length) {
        // a short row: the last cell takes the remaining columns
        const last = out[out.length - 1];
        if (last) last.w = this.right - last.x;
      }
      return out;
    };
    const header = spec.header === false ? undefined : layRow(spec.columns.map((c) => ({ text: c.header, fill: COLORS.headerFill })), true);
    const rowHeight = (r: Laid[]) => Math.max(...r.map((c) => c.lines.length)) * lh + pad * 2;

    const drawRow = (r: Laid[], from: number, count: number, zebra: boolean) => {
      const h = count * lh + pad * 2;
      const top = this.cursor;
      for (const c of r) {
        const fill = c.cell.fill ?? (zebra ? COLORS.zebra : undefined);
        if (fill) this.fillRect(c.x, top - h, c.w, h, fill);
        this.strokeRect(c.x, top - h, c.w, h);
        c.lines.slice(from, from + count).forEach((ln, i) => {
          const w = this.textWidth(ln, size, c.cell.bold);
          const x = c.cell.align === 'right' ? c.x + c.w - pad - w : c.cell.align === 'center' ? c.x + (c.w - w) / 2 : c.x + pad;
          this.drawTextLine(ln, x, top - pad - i * lh, { size, bold: c.cell.bold, color: c.cell.color, slot: lh });
        });
      }
      this.cursor -= h;
    };
    const drawHeader = () => {
      if (header) drawRow(header, 0, Math.max(...header.map((c) => c.lines.length)), false);
    };

    const headerH = header ? rowHeight(header) : 0;
    const rows = spec.rows.map((r) => layRow(r, false));
    // the header and the first row (or at least 2 of its lines) on the same page
    const firstH = rows.length > 0 ? Math.min(rowHeight(rows[0]), 2 * lh + pad * 2) : 0;
    this.ensureSpace(headerH + firstH);
    drawHeader();
    rows.forEach((r, idx) => {
      const zebra = spec.zebra === true && idx % 2 === 1;
      const n = Math.max(...r.map((c) => c.lines.length));
      let from = 0;
      while (from < n) {
        const room = this.cursor - this.bottom - pad * 2;
        let fit = Math.floor((room + EPS) / lh);
        const fullPage = this.top - this.bottom - headerH - pad * 2;
        const rowFitsOnFreshPage = (n - from) * lh <= fullPage;
        if (fit < n - from && (rowFitsOnFreshPage || fit < 1)) {
          // move the (rest of the) row to a new page, with the header again
          this.newPage();
          drawHeader();
          fit = Math.floor((this.cursor - this.bottom - pad * 2 + EPS) / lh);
        }
        const count = Math.min(fit, n - from);
        drawRow(r, from, count, zebra);
        from += count;
      }
    });
    this.gap(spec.spaceAfter ?? 6);
  }

  /** A horizontal bar chart: label | bar | value, with gridlines and tick labels. */
  barChart(spec: BarChartSpec): void {
    const size = spec.size ?? this.baseSize - 1;
    const barH = spec.barHeight ?? size * 1.2;
    const rowGap = size * 0.6;
    const max = spec.max ?? Math.max(0, ...spec.items.map((i) => i.value));
    const fmt = (v: number) => `${round2(v)}${spec.unit ?? ''}`;
    const labelW = spec.labelWidth ?? this.contentWidth * 0.3;
    const valueLabels = spec.items.map((i) => i.valueLabel ?? fmt(i.value));
    const valueW = Math.max(this.textWidth(fmt(max), size), ...valueLabels.map((v) => this.textWidth(v, size))) + 6;
    const x0 = this.left + labelW + 6;
    const barArea = this.right - valueW - x0;
    const ticks = spec.ticks ?? [0, 0.25, 0.5, 0.75, 1];
    const lhLabel = this.lineHeightOf(size, 1.3);

    if (spec.title) this.paragraph(spec.title, { bold: true, size: size + 1, keepWithNext: barH * 2 });
    const tickRowH = this.lineHeightOf(size, 1.4);
    const rows = spec.items.map((item, i) => {
      const labelLines = this.wrap(item.label, labelW, size);
      return { item, valueLabel: valueLabels[i], labelLines, h: Math.max(barH, labelLines.length * lhLabel) + rowGap };
    });
    // paginate: as many rows as fit with the tick-label row under them; then per page gridlines → bars → ticks
    let next = 0;
    while (next < rows.length || (rows.length === 0 && next === 0)) {
      this.ensureSpace((rows[next]?.h ?? 0) + tickRowH);
      const segmentTop = this.cursor;
      let used = 0;
      const chunk: typeof rows = [];
      while (next < rows.length && (chunk.length === 0 || segmentTop - used - rows[next].h - tickRowH >= this.bottom - EPS)) {
        chunk.push(rows[next]);
        used += rows[next].h;
        next++;
      }
      const segmentBottom = segmentTop - used;
      for (const t of ticks) {
        const x = x0 + barArea * t;
        this.line(x, segmentTop, x, segmentBottom, COLORS.headerFill, 0.5);
      }
      let top = segmentTop;
      for (const r of chunk) {
        const labelTop = top - (r.h - r.labelLines.length * lhLabel) / 2;
        r.labelLines.forEach((ln, j) => {
          const w = this.textWidth(ln, size);
          this.drawTextLine(ln, this.left + labelW - w, labelTop - j * lhLabel, { size, slot: lhLabel });
        });
        const frac = max > 0 ? Math.max(0, Math.min(1, r.item.value / max)) : 0;
        const barTop = top - (r.h - barH) / 2;
        if (frac > 0) this.fillRect(x0, barTop - barH, barArea * frac, barH, r.item.color ?? COLORS.bar, 'bar');
        this.drawTextLine(r.valueLabel, x0 + barArea * frac + 4, barTop, { size, slot: barH });
        top -= r.h;
      }
      this.cursor = segmentBottom;
      let lastRight = -Infinity;
      for (const t of ticks) {
        const label = fmt(max * t);
        const w = this.textWidth(label, size - 1);
        const x = Math.min(Math.max(x0 + barArea * t - w / 2, this.left), this.right - w);
        if (x < lastRight + 2) continue; // never let tick labels collide
        this.drawTextLine(label, x, this.cursor, { size: size - 1, color: COLORS.muted, slot: tickRowH });
        lastRight = x + w;
      }
      this.cursor -= tickRowH;
      if (rows.length === 0) break;
    }
    this.gap(spec.spaceAfter ?? 8);
  }

  /** Lay out `height` worth of content on one page (a signature block): new page first if it does not fit. */
  keepTogether(height: number, draw: () => void): void {
    this.ensureSpace(height);
    draw();
  }

  // ——— finish ———

  /** Draw running headers and "第 N 页 共 M 页" footers, then serialise. */
  async finish(): Promise<Uint8Array> {
    const total = this.pages.length;
    const footer = this.options.footer ?? ((n: number, m: number) => `第 ${n} 页 共 ${m} 页`);
    const hs = this.baseSize - 2;
    for (const p of this.pages) {
      const h = this.options.runningHeader;
      if (h && (h.left || h.right)) {
        const slot = hs * 1.4;
        const top = this.pageHeight - this.margins.top / 2 + slot / 2;
        const rightW = h.right ? this.textWidth(h.right, hs) : 0;
        if (h.left) {
          const room = this.contentWidth - (rightW > 0 ? rightW + hs * 2 : 0);
          this.drawTextLine(this.fit(h.left, room, hs), this.left, top, { size: hs, color: COLORS.muted, slot, region: 'header', page: p });
        }
        if (h.right) this.drawTextLine(h.right, this.right - rightW, top, { size: hs, color: COLORS.muted, slot, region: 'header', page: p });
        this.line(this.left, top - slot - 1, this.right, top - slot - 1, COLORS.rule, 0.4, 'header', p);
      }
      const text = footer(p.number, total);
      const fs = this.baseSize - 1;
      const w = this.textWidth(text, fs);
      const slot = fs * 1.4;
      this.drawTextLine(text, (this.pageWidth - w) / 2, this.margins.bottom / 2 + slot / 2, { size: fs, color: COLORS.muted, slot, region: 'footer', page: p });
    }
    return this.pdf.save({ useObjectStreams: true });
  }
}

function toRgb(c: Color) {
  return rgb(c[0], c[1], c[2]);
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

/** coordinates written to the content stream: 0.01 pt is far below what any printer resolves */
const r2 = round2;

/** tabs → spaces; other control characters removed (they have no glyphs) */
function clean(text: string): string {
  return text.replace(/\t/g, ' ').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
}
