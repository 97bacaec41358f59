/** Suggestions from .docx 文书 (mammoth): typed facts offered as pre-filled values, confirmed by a person. */
import { applySuggestions, chineseNumeral, datesInText, DocxReadError, statedPeriodsInText, suggestFromDocx, suggestFromText } from '../../src/core/intake/docx-suggestions';
import type { CaseDocument } from '../../src/core/case-file/types';
import { decisionDocx, noticeDocx, receiptDocx } from './support/docx';

const byField = (s: { suggestions: { field: string; value: unknown }[] }) => Object.fromEntries(s.suggestions.map((x) => [x.field, x.value]));

describe('Chinese numbers, dates and periods in 文书 text', () => {
  it.each([
    ['五', 5], ['十五', 15], ['二十', 20], ['六十', 60], ['一百二十', 120], ['伍万', 50000], ['壹拾贰万叁仟', 123000], ['50,000', 50000], ['5万', 50000], ['两', 2],
  ])('%s → %d', (text, n) => expect(chineseNumeral(text)).toBe(n));

  it('dates written in figures or in characters', () => {
    expect(datesInText('于2025年9月1日检查，二〇二五年九月二十六日作出').map((d) => d.date)).toEqual(['2025-09-01', '2025-09-26']);
    expect(datesInText('二〇二五年二月三十日')).toEqual([]);
  });

  it('each period with its kind from the words around it', () => {
    const periods = statedPeriodsInText('你单位可在收到本告知书之日起五个工作日内提出陈述、申辩；可在收到本告知书之日起三日内提出听证申请。自收到本决定书之日起十五日内缴纳罚款，六十日内申请行政复议，或者六个月内提起行政诉讼。');
    expect(periods.map((p) => [p.kind, p.amount, p.unit])).toEqual([
      ['statement', 5, 'workday'],
      ['hearing_request', 3, 'day'],
      ['payment', 15, 'day'],
      ['reconsideration', 60, 'day'],
      ['litigation', 6, 'month'],
    ]);
    expect(periods[0].text).toBe('收到本告知书之日起五个工作日内');
    expect(statedPeriodsInText('自收到本决定书之日起十五日内缴纳罚款')[0].text).toBe('自收到本决定书之日起十五日内');
  });
});

describe('suggestFromDocx', () => {
  it('行政处罚决定书: 文号, 落款日期, party, fine, periods and the 加处罚款 clause', async () => {
    const s = await suggestFromDocx(await decisionDocx());
    expect(s.type.type).toBe('penalty_decision');
    const v = byField(s);
    expect(v).toMatchObject({
      type: 'penalty_decision',
      docNumber: '沅环罚〔2025〕46号',
      madeOn: '2025-09-26',
      partyNameAsWritten: '沅澧市恒彩包装印刷有限公司',
      'amounts.fine': 50000,
      surchargeStandardStated: true,
      'decisionContents.reconsiderationBody': '沅澧市人民政府',
    });
    expect((v.statedPeriods as { kind: string; amount: number; unit: string }[]).map((p) => [p.kind, p.amount, p.unit])).toEqual([
      ['payment', 15, 'day'],
      ['reconsideration', 60, 'day'],
      ['litigation', 6, 'month'],
    ]);
    expect(s.suggestions.every((x) => x.confirmed === false && x.source.length > 0)).toBe(true);
    expect(s.paperOnly.map((p) => p.field)).toEqual(expect.arrayContaining(['signatories', 'sealed', 'service.servedOn']));
  });

  it('the 复议机关 as written (FLD-34 reads it) and a 笔录 closed with 以下空白; no 以下空白 suggests nothing', () => {
    const decision = byField(suggestFromText('行政处罚决定书\n如不服本决定，可在收到本决定书之日起六十日内向湖南省生态环境厅申请行政复议。'));
    expect(decision['decisionContents.reconsiderationBody']).toBe('湖南省生态环境厅');
    expect(byField(suggestFromText('现场检查（勘察）笔录\n检查情况：……\n（以下空白）')).blankSpaceClosed).toBe(true);
    expect(byField(suggestFromText('现场检查（勘察）笔录\n检查情况：……')).blankSpaceClosed).toBeUndefined();
    const doc = applySuggestions({ id: 'd', type: 'penalty_decision' }, suggestFromText('行政处罚决定书\n六十日内向沅澧市人民政府申请行政复议').suggestions, ['decisionContents.reconsiderationBody']);
    expect(doc.decisionContents).toEqual({ reconsiderationBody: '沅澧市人民政府' });
  });

  it('告知书: the fine written in capitals, statement and hearing periods in working days, the rights notified', async () => {
    const v = byField(await suggestFromDocx(await noticeDocx()));
    expect(v).toMatchObject({ type: 'penalty_notice', docNumber: '沅环罚告〔2025〕46号', madeOn: '2025-09-15', 'amounts.fine': 50000, hearingRightNotified: true, statementRightNotified: true });
    expect((v.statedPeriods as { kind: string }[]).map((p) => p.kind)).toEqual(['statement', 'hearing_request']);
  });

  it('送达回证 (a table): typed facts only — the blank 签收 date stays for a person', async () => {
    const s = await suggestFromDocx(await receiptDocx());
    const v = byField(s);
    expect(v.type).toBe('service_receipt');
    expect(v.madeOn).toBeUndefined();
    expect(s.paperOnly.map((p) => p.field)).toContain('service.servedOn');
  });

  it('not a .docx → a clear error', async () => {
    await expect(suggestFromDocx(Buffer.from('hello'))).rejects.toBeInstanceOf(DocxReadError);
    const doc = Buffer.alloc(16);
    doc.writeUInt32BE(0xd0cf11e0, 0);
    await expect(suggestFromDocx(doc)).rejects.toMatchObject({ message: expect.stringContaining('.doc') });
  });
});

describe('applySuggestions: only what a person accepted', () => {
  it('fills the accepted fields, keeps entered values, and marks them entered', async () => {
    const s = await suggestFromDocx(await decisionDocx());
    const doc: CaseDocument = { id: 'd1', type: 'penalty_decision', madeOn: '2025-09-27', entry: { status: 'partial', missingFields: ['docNumber', 'amounts', 'service'] } };
    const out = applySuggestions(doc, s.suggestions, ['docNumber', 'madeOn', 'amounts.fine']);
    expect(out).toMatchObject({ docNumber: '沅环罚〔2025〕46号', madeOn: '2025-09-27', amounts: { fine: 50000 }, entry: { status: 'partial', missingFields: ['service'] } });
    expect(out.statedPeriods).toBeUndefined();
    expect(doc.docNumber).toBeUndefined();
  });
});
