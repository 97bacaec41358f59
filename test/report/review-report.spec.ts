import { basisText, layoutReviewReport, renderReviewReport } from '../../src/core/report';
import { loadScoringSheet, scoreReview } from '../../src/core/scoring';
import { misplacedBoxes, overlappingPairs } from './support/geometry';
import { darkPixels, inkCheck, pdfFonts, renderPdf } from './support/raster';
import { pdfText, squash } from './support/text';
import { baseReview, caseFile, educationFinding, hearingFinding, input, manyFindings } from './support/synthetic';

describe('review report PDF', () => {
  it('prints the header, score, findings with 依据 / 依据待核, facts, date steps and page numbers', async () => {
    const review = baseReview([hearingFinding(), educationFinding()]);
    const { pdf, layout } = await layoutReviewReport(input(review));
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const { text, pages, total } = await pdfText(pdf);
    const t = squash(text);
    for (const s of [
      '行政处罚案卷评查报告',
      '益环罚〔2025〕12号',
      '益阳市某某建材有限公司',
      '未按规定安装使用大气污染防治设施案',
      '益阳市生态环境局',
      '2025-06-30', // 评查日期 (asOf)
      '2026.11.1', // rule pack
      'cn-2024-2026.3', // holiday data
      'inferred-2024',
      '2024.0-I.1',
      '总分97分', // 100 - 2 (DL-06 error) - 1 (ED-02 warning)
      '等次：优秀',
      '否决项：未命中',
      'DL-06',
      '听证申请期限未届满即作出处罚决定',
      '《中华人民共和国行政处罚法》第六十四条第一款第（一）项',
      '告知书送达日：2025-01-24',
      '当事人书面放弃听证：否',
      '期限届满日2025-02-07',
      '整改建议：',
      'ED-02',
      '依据待核：', // ED-02 rests on 【I】
      '【I】推断',
      '已通过的检查（2项）',
      '送达在7个工作日内：2025-02-05→2025-02-10',
      '缺少2027年节假日数据',
      '评查人（签名）',
      '审核人（签名）',
    ]) {
      expect(t).toContain(squash(s));
    }
    // DL-06 is a 【Q】 rule: its 依据 line is not marked pending
    expect(t).not.toContain(squash('第六十四条第一款第（一）项（依据待核'));
    expect(total).toBe(layout.pageCount);
    pages.forEach((p, i) => expect(squash(p)).toContain(`第${i + 1}页共${total}页`));
  });

  it('依据 groups the articles of one law', () => {
    expect(
      basisText([
        { law: '中华人民共和国行政处罚法', article: '第64条（一）' },
        { law: '中华人民共和国民法典', article: '第201条' },
        { law: '中华人民共和国行政处罚法', article: '第85条' },
      ], 'grouped'),
    ).toBe('《中华人民共和国行政处罚法》第64条（一）、第85条；《中华人民共和国民法典》第201条');
    expect(basisText([], 'grouped')).toBe('—');
  });

  it('draft mode: 自查报告 with upcoming deadlines and the next documents', async () => {
    const review = baseReview([educationFinding()], {
      mode: 'draft',
      asOf: '2025-01-27',
      upcoming: [
        {
          ruleId: 'DL-06',
          label: '听证申请期限届满',
          dueOn: '2025-02-07',
          daysLeft: 11,
          calendar: ['告知书送达日 2025-01-24，当日不计入', '第5个工作日为 2025-02-07'],
        },
      ],
      nextDocuments: [{ type: 'hearing_notice', name: '行政处罚听证通知书', reason: '当事人已申请听证，应在举行听证的7个工作日前通知', ruleId: 'DL-07', dueOn: '2025-02-14' }],
    });
    const { text } = await pdfText(await renderReviewReport(input(review)));
    const t = squash(text);
    expect(t).toContain('行政处罚案卷自查报告');
    expect(t).not.toContain('行政处罚案卷评查报告');
    expect(t).toContain(squash('自查（办理中案卷）'));
    expect(t).toContain(squash('后续期限（1 项，截至 2025-01-27）'));
    expect(t).toContain('听证申请期限届满');
    expect(t).toContain('2025-02-07');
    expect(t).toContain('11日');
    expect(t).toContain('行政处罚听证通知书');
    expect(t).toContain('2025-02-14');
  });

  it('pre-decision mode: 法制审核报告 with the 决定书应载明 list and a 法制审核 sign-off', async () => {
    const review = baseReview([], {
      mode: 'pre-decision',
      asOf: '2025-01-27',
      decisionMustState: [
        { item: '（一）当事人的姓名或者名称、地址', ruleId: 'FLD-01', basis: '中华人民共和国行政处罚法第59条' },
        { item: '行政处罚决定书应当加盖行政机关印章', ruleId: 'SEQ-15', basis: '中华人民共和国行政处罚法第59条第2款' },
      ],
    });
    const t = squash((await pdfText(await renderReviewReport(input(review)))).text);
    expect(t).toContain('行政处罚案件法制审核报告');
    expect(t).not.toContain('行政处罚案卷评查报告');
    expect(t).toContain(squash('法制审核（作出决定前，行政处罚法第58条）'));
    expect(t).toContain(squash('决定书应载明（2 项）'));
    expect(t).toContain(squash('（一）当事人的姓名或者名称、地址'));
    expect(t).toContain(squash('中华人民共和国行政处罚法第59条第2款'));
    expect(t).toContain(squash('法制审核意见及签署'));
  });

  it('veto: 不合格 with the V-item; the strict sheet prints the zeroed total', async () => {
    const review = baseReview([hearingFinding({ ruleId: 'SEQ-10', severity: 'veto', veto: 'V7', title: '未经法制审核即作出处罚决定', fingerprint: 'SEQ-10:d12' })]);
    const strict = await pdfText(await renderReviewReport(input(review, 'strict-veto-zero')));
    const t = squash(strict.text);
    expect(t).toContain('总分0分');
    expect(t).toContain('等次：不合格');
    expect(t).toContain(squash('否决前得分 95 分'));
    expect(t).toContain(squash('V7 应法制审核未审核或审核未通过即作出决定'));
    expect(t).toContain('strict-veto-zero');
  });

  it('renders with MuPDF without warnings, and every text line shows ink', async () => {
    const { pdf, layout } = await layoutReviewReport(input(baseReview([hearingFinding(), educationFinding()])));
    const ink = await inkCheck(pdf, layout.boxes, layout.pageHeight, 40);
    expect(ink.stderr).toBe('');
    expect(ink.status).toBe(0);
    expect(ink.pageCount).toBe(layout.pageCount);
    expect(ink.checkedBoxes).toBeGreaterThan(40);
    expect(ink.blankBoxes).toEqual([]);
    // and the title region in particular is dark where the title is
    const title = layout.boxes.find((b) => b.text === '行政处罚案卷评查报告')!;
    const page1 = (await renderPdf(pdf, 40)).pages[0];
    expect(darkPixels(page1, 40, layout.pageHeight, title)).toBeGreaterThan(50);
    // one font (bold is a stroked fill), embedded as a subset with a ToUnicode map: nothing left to substitution
    const { fonts, stderr } = await pdfFonts(pdf);
    expect(stderr).toBe('');
    expect(fonts.map((f) => [f.name.replace(/^[A-Z]{6}\+/, ''), f.type, f.embedded, f.subset, f.unicode])).toEqual([
      ['NotoSansSC-Regular', 'CID TrueType', true, true, true],
    ]);
  });

  it('200 findings paginate: nothing overlaps, nothing leaves the margins, page numbers on every page', async () => {
    const review = baseReview(manyFindings(200));
    const score = scoreReview(review, loadScoringSheet('inferred-2024'));
    const { pdf, layout } = await layoutReviewReport({ caseFile: caseFile(), review, score });
    expect(overlappingPairs(layout.boxes)).toEqual([]);
    expect(misplacedBoxes(layout)).toEqual([]);
    // each finding takes 5–12 lines: ≈ 30–60 pages
    expect(layout.pageCount).toBeGreaterThan(25);
    expect(layout.pageCount).toBeLessThan(80);
    for (let p = 1; p <= layout.pageCount; p++) {
      expect(layout.boxes.some((b) => b.page === p && b.region === 'footer' && b.text === `第 ${p} 页 共 ${layout.pageCount} 页`)).toBe(true);
      expect(layout.boxes.some((b) => b.page === p && b.region === 'body' && b.kind === 'text')).toBe(true);
    }
    const { text, total } = await pdfText(pdf);
    expect(total).toBe(layout.pageCount);
    const t = squash(text);
    for (const f of review.findings) expect(t).toContain(`${f.ruleId}`);
    expect(t).toContain(squash('发现的问题（200 项）'));
    const ink = await inkCheck(pdf, layout.boxes, layout.pageHeight, 40);
    expect(ink.stderr).toBe('');
    expect(ink.blankBoxes).toEqual([]);
  });
});
