/**
 * The 卷内目录 workbook in the core: template layout, export → import round trip on every sample (the case file
 * and its review are identical), located errors, title typing, a bureau's own 卷内目录 as an index-only case.
 */
import ExcelJS from 'exceljs';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseFile } from '../../src/core/case-file/types';
import { reviewCaseFile } from '../../src/core/engine';
import { caseFileWorkbook, importWorkbook, parsePageText, templateWorkbook, WorkbookFormatError, defaultTitleTyper } from '../../src/core/intake';
import { SHEET, workbookLayout } from '../../src/core/intake/layout';
import { scoreReview, loadScoringSheet } from '../../src/core/scoring';
import { bureauIndexWorkbook, headerOf } from './support/bureau-index';

const SAMPLES = join(__dirname, '..', '..', 'fixtures', 'cases');
const samples = readdirSync(SAMPLES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ name: f, caseFile: JSON.parse(readFileSync(join(SAMPLES, f), 'utf8')) as CaseFile }));
const AS_OF = '2026-06-30';

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return wb;
}

/** A workbook edited the way a person would: open the export, change cells, save. */
async function edit(caseFile: CaseFile, change: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = await load(await caseFileWorkbook(caseFile));
  change(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function columnOf(ws: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  ws.getRow(1).eachCell((c, i) => {
    if (c.value === header) found = i;
  });
  if (!found) throw new Error(`no column ${header} in ${ws.name}`);
  return found;
}

describe('template', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await load(await templateWorkbook());
  });

  it('has the instructions, case, people, 卷内目录 and detail sheets, and a sheet for every list inside a document', () => {
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(0, 8)).toEqual([SHEET.instructions, SHEET.caseInfo, SHEET.parties, SHEET.agents, SHEET.officers, SHEET.reviewers, SHEET.index, SHEET.details]);
    expect(names).toEqual(expect.arrayContaining([SHEET.signatories, SHEET.statedPeriods, SHEET.attendees, SHEET.education, SHEET.laws, SHEET.indexEntries]));
    expect(names[names.length - 1]).toBe(SHEET.options);
    for (const sheet of workbookLayout().tables) expect(names).toContain(sheet.name);
    expect(wb.getWorksheet(SHEET.options)!.state).toBe('hidden');
  });

  it('案件 lists the case items with Chinese names (案号, 案由, 程序, 状态 …)', () => {
    const ws = wb.getWorksheet(SHEET.caseInfo)!;
    const items: string[] = [];
    ws.eachRow((r, i) => i > 1 && items.push(String(r.getCell(1).value)));
    expect(items).toEqual(expect.arrayContaining(['案号', '案由', '执法机关', '程序', '案件状态', '违法行为·违法行为发生日', '处罚内容·处罚种类', '处罚内容·决定罚款金额（元）', '案件信息录入状态·录入状态']));
  });

  it('卷内目录 has 序号, 文书类型, 文号, 落款日期, 送达, 页码 with frozen header and validation lists', () => {
    const ws = wb.getWorksheet(SHEET.index)!;
    const headers: string[] = [];
    ws.getRow(1).eachCell((c) => headers.push(String(c.value)));
    expect(headers.slice(0, 4)).toEqual(['序号', '正卷/副卷', '文书 id', '文书类型']);
    expect(headers).toEqual(expect.arrayContaining(['文号', '制作/落款日期', '送达·送达方式', '送达·送达/签收日', '卷内页码·起始页', '卷内页码·终止页', '录入状态·录入状态']));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const method = ws.getCell(2, columnOf(ws, '送达·送达方式')).dataValidation;
    expect(method).toMatchObject({ type: 'list' });
    expect(String(method.formulae[0])).toContain(SHEET.options);
    expect(ws.getCell(2, columnOf(ws, '加盖机关印章')).dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    expect(ws.getCell(2, columnOf(ws, '制作/落款日期')).dataValidation).toMatchObject({ type: 'date' });
    expect(ws.getColumn(columnOf(ws, '制作/落款日期')).numFmt).toBe('yyyy-mm-dd');
    // the type list holds every catalog name
    const options = wb.getWorksheet(SHEET.options)!;
    const typeColumn = options.getRow(1).values as unknown[];
    expect(typeColumn).toContain('文书类型');
  });

  it('imports empty as an invalid case with the missing items located on the 案件 sheet', async () => {
    const r = await importWorkbook(await templateWorkbook());
    expect(r.ok).toBe(false);
    const caseNumber = r.issues.find((i) => i.path === 'case.caseNumber')!;
    expect(caseNumber).toMatchObject({ sheet: SHEET.caseInfo, column: 'B', header: '案号', severity: 'error' });
    expect(caseNumber.row).toBeGreaterThan(1);
  });
});

describe('export → import on every sample', () => {
  it.each(samples.map((s) => [s.name, s.caseFile] as const))('%s: lossless, and the review is identical', async (_name, caseFile) => {
    const r = await importWorkbook(await caseFileWorkbook(caseFile));
    expect(r.issues).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.caseFile).toStrictEqual(caseFile);
    expect(reviewCaseFile(r.caseFile!, { asOf: AS_OF })).toEqual(reviewCaseFile(caseFile, { asOf: AS_OF }));
  });

  it('the full example (every field of the format) round-trips too', async () => {
    const full = JSON.parse(readFileSync(join(__dirname, '..', '..', 'docs', 'examples', 'full-case.json'), 'utf8'));
    const r = await importWorkbook(await caseFileWorkbook(full));
    expect(r.caseFile).toStrictEqual(full);
  });

  it('a case with 录入状态 and a 卷内目录 entry of its own round-trips', async () => {
    const base = structuredClone(samples[0].caseFile);
    base.entry = { status: 'partial', missingFields: ['educationRecords'] };
    base.documents[3].entry = { status: 'partial', missingFields: ['service', 'sealed'] };
    base.fileIndex[2] = { ...base.fileIndex[2], title: '另拟题名（目录与文书标题不同）' };
    const r = await importWorkbook(await caseFileWorkbook(base));
    expect(r.caseFile).toStrictEqual(base);
    const wb = await load(await caseFileWorkbook(base));
    expect(wb.getWorksheet(SHEET.indexEntries)!.actualRowCount).toBe(2);
  });
});

describe('import: errors are located as 工作表/行/列, nothing invented', () => {
  const caseFile = samples[0].caseFile;

  it('a bad date, an unknown option and a missing reference each point at their cell', async () => {
    const buffer = await edit(caseFile, (wb) => {
      const ws = wb.getWorksheet(SHEET.index)!;
      ws.getCell(5, columnOf(ws, '制作/落款日期')).value = '2025-02-30';
      ws.getCell(6, columnOf(ws, '送达·送达方式')).value = '飞鸽传书';
      ws.getCell(7, columnOf(ws, '关联文书')).value = 'd-nowhere';
      const cs = wb.getWorksheet(SHEET.caseInfo)!;
      cs.eachRow((row) => {
        if (row.getCell(1).value === '案号') row.getCell(2).value = null;
      });
    });
    const r = await importWorkbook(buffer);
    expect(r.ok).toBe(false);
    const errors = r.issues.filter((i) => i.severity === 'error');
    const ws = (await load(buffer)).getWorksheet(SHEET.index)!;
    const letter = (h: string) => ws.getColumn(columnOf(ws, h)).letter;
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: SHEET.index, row: 5, column: letter('制作/落款日期'), code: 'INVALID_DATE', message: '日期不存在：2025-02-30' }),
        expect.objectContaining({ sheet: SHEET.index, row: 6, column: letter('送达·送达方式'), code: 'INVALID_ENUM' }),
        expect.objectContaining({ sheet: SHEET.index, row: 7, column: letter('关联文书'), path: 'documents[5].relatesToDocumentId' }),
        expect.objectContaining({ sheet: SHEET.caseInfo, column: 'B', header: '案号', path: 'case.caseNumber' }),
      ]),
    );
    for (const e of errors) expect(e.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('a child row naming no document is an error on its own row', async () => {
    const buffer = await edit(caseFile, (wb) => {
      const ws = wb.getWorksheet(SHEET.statedPeriods)!;
      ws.getCell(2, 1).value = 'd-missing';
    });
    const r = await importWorkbook(buffer);
    expect(r.issues).toContainEqual(expect.objectContaining({ sheet: SHEET.statedPeriods, row: 2, column: 'A', code: 'UNKNOWN_PARENT', severity: 'error' }));
  });

  it('an unknown title is kept as 其他材料 with its title (a warning, not dropped)', async () => {
    const buffer = await edit(caseFile, (wb) => {
      const ws = wb.getWorksheet(SHEET.index)!;
      ws.getCell(4, columnOf(ws, '文书类型')).value = '情况说明（企业自述）';
      ws.getCell(4, columnOf(ws, '标题')).value = null;
    });
    const r = await importWorkbook(buffer);
    const doc = r.caseFile!.documents[2];
    expect(doc).toMatchObject({ type: 'other', title: '情况说明（企业自述）' });
    expect(r.issues).toContainEqual(expect.objectContaining({ sheet: SHEET.index, row: 4, code: 'UNTYPED_TITLE', severity: 'warning' }));
  });

  it('dates typed as text, 是/否 variants and officer names instead of ids are understood', async () => {
    const buffer = await edit(caseFile, (wb) => {
      const ws = wb.getWorksheet(SHEET.index)!;
      const row = caseFile.documents.findIndex((d) => d.officerIds?.length === 2) + 2;
      ws.getCell(row, columnOf(ws, '制作/落款日期')).value = '2025年9月26日';
      const names = caseFile.documents[row - 2].officerIds!.map((id) => caseFile.officers.find((o) => o.id === id)!.name);
      ws.getCell(row, columnOf(ws, '参与的执法人员')).value = names.join('，');
    });
    const r = await importWorkbook(buffer);
    const i = caseFile.documents.findIndex((d) => d.officerIds?.length === 2);
    expect(r.caseFile!.documents[i].madeOn).toBe('2025-09-26');
    expect(r.caseFile!.documents[i].officerIds).toEqual(caseFile.documents[i].officerIds);
  });

  it('a non-xlsx upload, a corrupt xlsx and a legacy .xls are refused with a clear message', async () => {
    await expect(importWorkbook(Buffer.from('序号,题名\n1,立案审批表\n'))).rejects.toMatchObject({ code: 'NOT_XLSX' });
    const good = await templateWorkbook();
    await expect(importWorkbook(good.subarray(0, Math.floor(good.length / 2)))).rejects.toBeInstanceOf(WorkbookFormatError);
    const xls = Buffer.alloc(512);
    xls.writeUInt32BE(0xd0cf11e0, 0);
    await expect(importWorkbook(xls)).rejects.toMatchObject({ code: 'LEGACY_XLS', message: expect.stringContaining('另存为') });
  });
});

describe('title → document type (rules/intake/title-synonyms.yaml)', () => {
  const typer = defaultTitleTyper();
  it.each([
    ['行政处罚事先（听证）告知书', 'penalty_notice'],
    ['送达回证', 'service_receipt'],
    ['送达回证（行政处罚决定书）', 'service_receipt'],
    ['罚没款缴款凭证', 'fine_payment_receipt'],
    ['监测报告（沅环监字〔2025〕第W-0109号）', 'monitoring_report'],
    ['营业执照复印件', 'party_identity_proof'],
    ['法定代表人身份证明', 'party_identity_proof'],
    ['整改完成情况报告', 'rectification_evidence'],
    ['陈述申辩书', 'statement_record'],
    ['调查询问笔录（邹建平）', 'inquiry_record'],
    ['行政处罚决定信息公开记录（网页截图）', 'disclosure_record'],
    ['案件审查意见（案件处理内部审批表）', 'internal_approval'],
    ['复查现场检查笔录（暗查，3月20日）', 'reinspection_record'],
    ['限制生产解除备案材料', 'restriction_release_record'],
    ['行政判决书（（2025）湘0902行初12号）', 'court_judgment'],
    ['准予强制执行裁定书', 'court_ruling'],
    ['企业情况说明', 'other'],
  ])('%s → %s', (title, type) => {
    expect(typer.match(title).type).toBe(type);
  });

  it('types every 卷内目录 title of every sample correctly', () => {
    const wrong: string[] = [];
    for (const { caseFile } of samples) {
      for (const e of caseFile.fileIndex) {
        const doc = caseFile.documents.find((d) => d.id === e.refId);
        const expected = doc ? doc.type : 'education_record';
        const got = typer.match(e.title).type;
        if (got !== expected) wrong.push(`${e.title}: ${got} ≠ ${expected}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe("a bureau's own 卷内目录 (columns in another order, merged title rows) → index-only case", () => {
  it('pages in every way bureaus write them', () => {
    expect(parsePageText('1-4')).toEqual({ from: 1, to: 4 });
    expect(parsePageText('5—7')).toEqual({ from: 5, to: 7 });
    expect(parsePageText('第8~9页')).toEqual({ from: 8, to: 9 });
    expect(parsePageText('12')).toEqual({ from: 12 });
    expect(parsePageText('一至三')).toBeNull();
  });

  it('reads the clean sample: every row typed, 文号/日期/页码 kept, everything else 未录入', async () => {
    const caseFile = samples[0].caseFile;
    const r = await importWorkbook(await bureauIndexWorkbook(caseFile, { everydayTitles: true }), { base: headerOf(caseFile) });
    expect(r.kind).toBe('bureau_index');
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.stats.untypedTitles).toBe(0);
    const indexed = caseFile.fileIndex.filter((e) => caseFile.documents.some((d) => d.id === e.refId));
    expect(r.caseFile!.documents.map((d) => d.type)).toEqual(indexed.map((e) => caseFile.documents.find((d) => d.id === e.refId)!.type));
    const decision = r.caseFile!.documents.find((d) => d.type === 'penalty_decision')!;
    const original = caseFile.documents.find((d) => d.type === 'penalty_decision')!;
    expect(decision).toMatchObject({ docNumber: original.docNumber, madeOn: original.madeOn, pages: original.pages, entry: { status: 'not_entered' } });
    expect(r.caseFile!.fileIndex.map((e) => e.pages)).toEqual(caseFile.fileIndex.map((e) => e.pages));
    // the 普法教育记录 row points at the header's education record
    expect(r.caseFile!.fileIndex.map((e) => e.refId)).toContain(caseFile.educationRecords[0].id);
    expect(r.caseFile!.entry).toEqual({ status: 'partial', missingFields: ['documents'] });
  });

  it('start pages only: the end page is inferred from the next row and reported', async () => {
    const caseFile = samples[0].caseFile;
    const r = await importWorkbook(await bureauIndexWorkbook(caseFile, { startPagesOnly: true }), { base: headerOf(caseFile) });
    expect(r.caseFile!.fileIndex.map((e) => e.pages)).toEqual(caseFile.fileIndex.map((e) => e.pages));
    expect(r.issues.some((i) => i.code === 'PAGES_INFERRED' && i.sheet === '卷内目录' && i.column === 'F')).toBe(true);
  });

  it('without a case header: the header is reported as not entered', async () => {
    const r = await importWorkbook(await bureauIndexWorkbook(samples[0].caseFile));
    expect(r.ok).toBe(false);
    expect(r.issues).toContainEqual(expect.objectContaining({ code: 'HEADER_NOT_ENTERED', severity: 'error' }));
    expect(r.caseFile!.documents.length).toBeGreaterThan(20);
  });

  it('a workbook with neither the template sheets nor a 卷内目录 header is refused', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['姓名', '电话']);
    await expect(importWorkbook(Buffer.from(await wb.xlsx.writeBuffer()))).rejects.toMatchObject({ code: 'NO_INDEX_SHEET' });
  });
});

describe('未录入 is not 卷内没有: the index-only import of each sample invents no defect', () => {
  const sheet = loadScoringSheet();
  it('clean sample 01: no veto, no error, no finding at all — only 待补录, and the score deducts nothing', async () => {
    const caseFile = samples[0].caseFile;
    const r = await importWorkbook(await bureauIndexWorkbook(caseFile, { everydayTitles: true }), { base: headerOf(caseFile) });
    const review = reviewCaseFile(r.caseFile!, { asOf: AS_OF });
    expect(review.findings).toEqual([]);
    expect(review.entryCompleteness).toBeDefined();
    expect(review.entryCompleteness!.documents).toEqual({ total: r.caseFile!.documents.length, entered: 0, partial: 0, notEntered: r.caseFile!.documents.length });
    expect(review.entryCompleteness!.pendingRules).toBeGreaterThan(20);
    const pending = review.undeterminable.filter((u) => u.pending?.length);
    expect(pending.length).toBe(review.entryCompleteness!.pendingRules);
    for (const u of pending) expect(u.reason).toMatch(/^待补录：.+的.+/);
    // e.g. the 送达 of the decision is what the service deadline waits for
    const decision = r.caseFile!.documents.find((d) => d.type === 'penalty_decision')!;
    const item = review.entryCompleteness!.items.find((i) => i.refId === decision.id)!;
    expect(item.fields.map((f) => f.field)).toContain('service');
    const score = scoreReview(review, sheet, { caseFile: r.caseFile! });
    const full = scoreReview(reviewCaseFile(caseFile, { asOf: AS_OF }), sheet, { caseFile });
    expect(score.total).toBe(full.total);
    expect(score.vetoHits).toEqual([]);
    expect(score.pendingEntry).toEqual({ rules: review.entryCompleteness!.pendingRules, provisional: true });
    expect(full.pendingEntry).toBeUndefined();
  });

  it.each(samples.map((s) => [s.name, s.caseFile] as const))('%s: every finding of the index-only case is a finding of the full case', async (_n, caseFile) => {
    const r = await importWorkbook(await bureauIndexWorkbook(caseFile, { everydayTitles: true }), { base: headerOf(caseFile) });
    expect(r.ok).toBe(true);
    const full = new Set(reviewCaseFile(caseFile, { asOf: AS_OF }).findings.map((f) => f.ruleId));
    const partial = reviewCaseFile(r.caseFile!, { asOf: AS_OF }).findings.map((f) => f.ruleId);
    expect(partial.filter((id) => !full.has(id))).toEqual([]);
  });
});

describe('未录入 per field: entered-and-absent stays a defect', () => {
  const caseFile = samples[0].caseFile;
  const inquiry = caseFile.documents.findIndex((d) => d.type === 'inquiry_record' && d.startTime);

  it('a 笔录 entered without 起止时间 is a defect; the same 笔录 with 起止时间 待补录 is 无法判定', () => {
    const absent = structuredClone(caseFile);
    delete absent.documents[inquiry].startTime;
    delete absent.documents[inquiry].endTime;
    const defects = reviewCaseFile(absent, { asOf: AS_OF }).findings.filter((f) => f.facts.some((x) => x.refId === absent.documents[inquiry].id) || f.data?.docId === absent.documents[inquiry].id);
    expect(defects.length).toBeGreaterThan(0);

    const pending = structuredClone(absent);
    pending.documents[inquiry].entry = { status: 'partial', missingFields: ['startTime', 'endTime'] };
    const review = reviewCaseFile(pending, { asOf: AS_OF });
    for (const d of defects) expect(review.findings.map((f) => f.ruleId)).not.toContain(d.ruleId);
    for (const d of defects) {
      const u = review.undeterminable.find((x) => x.ruleId === d.ruleId)!;
      expect(u.reason).toContain('待补录');
      expect(u.pending!.map((p) => p.field)).toEqual(expect.arrayContaining(['startTime']));
    }
    // the other documents' checks are unaffected: the fully entered rest of the file reviews as before
    expect(review.findings).toEqual([]);
  });

  it('a file without any entry reviews exactly as before (no entryCompleteness)', () => {
    const review = reviewCaseFile(caseFile, { asOf: AS_OF });
    expect(review.entryCompleteness).toBeUndefined();
    const entered = structuredClone(caseFile);
    entered.documents.forEach((d) => (d.entry = { status: 'entered' }));
    expect(reviewCaseFile(entered, { asOf: AS_OF }).findings).toEqual(review.findings);
  });

  it('the header: 普法教育记录 not entered → the education rules wait instead of reporting none', () => {
    const noEducation = samples.find((s) => s.name.startsWith('11-'))!.caseFile;
    const full = reviewCaseFile(noEducation, { asOf: AS_OF });
    expect(full.findings.some((f) => f.ruleId.startsWith('ED-'))).toBe(true);
    const pending = { ...structuredClone(noEducation), entry: { status: 'partial' as const, missingFields: ['educationRecords'] } };
    const review = reviewCaseFile(pending, { asOf: AS_OF });
    expect(review.findings.filter((f) => f.ruleId.startsWith('ED-'))).toEqual([]);
    expect(review.undeterminable.filter((u) => u.ruleId.startsWith('ED-')).every((u) => u.pending?.[0].field === 'educationRecords')).toBe(true);
  });
});

describe('录入状态 in the format', () => {
  it('missingFields must name real fields (a typo would turn 待补录 into a defect)', async () => {
    const { validateCaseFile } = await import('../../src/core/case-file/validate');
    const c = structuredClone(samples[0].caseFile);
    c.documents[2].entry = { status: 'partial', missingFields: ['servce', 'service'] };
    c.entry = { status: 'partial', missingFields: ['educationRecords', 'case.flags', 'documents', 'case.nope'] };
    const r = validateCaseFile(c);
    expect(r.ok ? [] : r.errors.map((e) => [e.path, e.code])).toEqual([
      ['entry.missingFields[3]', 'UNKNOWN_ENTRY_FIELD'],
      ['documents[2].entry.missingFields[0]', 'UNKNOWN_ENTRY_FIELD'],
    ]);
  });
});
