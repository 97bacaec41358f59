import { PdfLayout } from '../../src/core/report';
import { misplacedBoxes, overlappingPairs } from './support/geometry';
import { inkCheck, pdfFonts } from './support/raster';
import { pdfText, squash } from './support/text';

describe('PdfLayout toolkit', () => {
  it('a long table repeats its header row on every page it runs onto', async () => {
    const doc = await PdfLayout.create({ title: '年度评查汇总', runningHeader: { left: '测试机关', right: '2025 年度' } });
    doc.title('2025年度行政处罚案卷评查汇总');
    doc.table({
      columns: [
        { header: '案号', width: 3 },
        { header: '案由', width: 5 },
        { header: '得分', width: 1, align: 'right' },
      ],
      rows: Array.from({ length: 150 }, (_, i) => [`益环罚〔2025〕${i + 1}号`, i % 7 === 0 ? '未按规定安装使用大气污染防治设施，且在线监测数据弄虚作假，情节较重，依法从重处罚的案件'.repeat(2) : '超标排放大气污染物', String(100 - (i % 40))]),
      zebra: true,
    });
    const pdf = await doc.finish();
    expect(doc.pageCount).toBeGreaterThan(3);
    for (let p = 1; p <= doc.pageCount; p++) {
      const headerCells = doc.boxes.filter((b) => b.page === p && b.text === '案由');
      expect(headerCells).toHaveLength(1);
    }
    // header row sits above every body row of its page
    for (let p = 1; p <= doc.pageCount; p++) {
      const head = doc.boxes.find((b) => b.page === p && b.text === '案由')!;
      const rows = doc.boxes.filter((b) => b.page === p && b.region === 'body' && b.kind === 'text' && /〕\d+号$/.test(b.text ?? ''));
      for (const r of rows) expect(r.y + r.height).toBeLessThan(head.y);
    }
    expect(overlappingPairs(doc.boxes)).toEqual([]);
    expect(misplacedBoxes(doc)).toEqual([]);
    const { pages } = await pdfText(pdf);
    pages.forEach((t, i) => expect(squash(t)).toContain(`第${i + 1}页共${doc.pageCount}页`));
    for (let n = 1; n <= 150; n++) expect(squash(pages.join(''))).toContain(`益环罚〔2025〕${n}号`);
  });

  it('a row taller than a page is split between its lines, nothing lost', async () => {
    const doc = await PdfLayout.create();
    const long = Array.from({ length: 120 }, (_, i) => `第${i + 1}行说明文字`).join('\n');
    doc.table({ columns: [{ header: '项目', width: 1 }, { header: '说明', width: 4 }], rows: [['超长单元格', long]] });
    const pdf = await doc.finish();
    expect(doc.pageCount).toBeGreaterThanOrEqual(3);
    expect(overlappingPairs(doc.boxes)).toEqual([]);
    expect(misplacedBoxes(doc)).toEqual([]);
    const t = squash((await pdfText(pdf)).text);
    for (let i = 1; i <= 120; i++) expect(t).toContain(`第${i}行说明文字`);
  });

  it('bar chart: bar lengths proportional to values, labels and values printed, paginates', async () => {
    const doc = await PdfLayout.create();
    doc.heading('各分项平均得分率');
    const items = Array.from({ length: 60 }, (_, i) => ({ label: `第${i + 1}分项`, value: (i * 7) % 101 }));
    doc.barChart({ items, max: 100, unit: '%' });
    const pdf = await doc.finish();
    const bars = doc.boxes.filter((b) => b.kind === 'bar');
    const nonZero = items.filter((i) => i.value > 0);
    expect(bars).toHaveLength(nonZero.length);
    const unit = bars[0].width / nonZero[0].value;
    bars.forEach((b, i) => expect(b.width).toBeCloseTo(nonZero[i].value * unit, 3));
    expect(doc.pageCount).toBeGreaterThan(1);
    expect(overlappingPairs(doc.boxes)).toEqual([]);
    expect(misplacedBoxes(doc)).toEqual([]);
    const t = squash((await pdfText(pdf)).text);
    expect(t).toContain('第60分项');
    expect(t).toContain('99%');
    const ink = await inkCheck(pdf, doc.boxes, doc.pageHeight);
    expect(ink.stderr).toBe('');
    expect(ink.blankBoxes).toEqual([]);
  });

  it('custom footer and a paragraph that runs over several pages', async () => {
    const doc = await PdfLayout.create({ footer: (n, m) => `— ${n}/${m} —` });
    doc.paragraph('依据《中华人民共和国行政处罚法》第64条，当事人要求听证的，应当在行政机关告知后五日内提出。'.repeat(120));
    const pdf = await doc.finish();
    expect(doc.pageCount).toBeGreaterThan(1);
    const { pages } = await pdfText(pdf);
    pages.forEach((t, i) => expect(t).toContain(`${i + 1}/${doc.pageCount}`));
    expect(overlappingPairs(doc.boxes)).toEqual([]);
    expect(misplacedBoxes(doc)).toEqual([]);
  });
});

describe('PdfLayout running header', () => {
  it('cuts a long left header so it never runs into the right one', async () => {
    const doc = await PdfLayout.create({ runningHeader: { left: '某某省某某市某某县生态环境保护综合行政执法大队'.repeat(4), right: '案号：益环罚〔2025〕12号' } });
    doc.paragraph('正文');
    await doc.finish();
    const header = doc.boxes.filter((b) => b.region === 'header' && b.kind === 'text');
    expect(header).toHaveLength(2);
    expect(header[0].text!.endsWith('…')).toBe(true);
    expect(header[0].x + header[0].width).toBeLessThan(header[1].x);
    expect(misplacedBoxes(doc)).toEqual([]);
  });
});

describe('PdfLayout bold styles', () => {
  it("boldStyle 'font' embeds Noto Sans SC Bold as a second subset; the default strokes the regular font", async () => {
    for (const boldStyle of ['font', 'stroke'] as const) {
      const doc = await PdfLayout.create({ boldStyle });
      doc.title('行政处罚案卷评查报告');
      doc.paragraph('正文：依据《中华人民共和国行政处罚法》第64条。');
      const pdf = await doc.finish();
      const { fonts, stderr } = await pdfFonts(pdf);
      expect(stderr).toBe('');
      expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(
        boldStyle === 'font' ? ['NotoSansSC-Bold', 'NotoSansSC-Regular'] : ['NotoSansSC-Regular'],
      );
      const ink = await inkCheck(pdf, doc.boxes, doc.pageHeight);
      expect(ink.stderr).toBe('');
      expect(ink.blankBoxes).toEqual([]);
      expect(squash((await pdfText(pdf)).text)).toContain('行政处罚案卷评查报告');
    }
  });
});
