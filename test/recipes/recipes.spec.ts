/**
 * The newcomer recipes of CONTRIBUTING.md, done on a copy of rules/: each one is the data change the recipe
 * names and nothing else, and the product picks it up without a code change.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLegalCalendar, fromDays, isLegalDate, toDays } from '../../src/core/calendar';
import { buildCaseFileJsonSchema } from '../../src/core/case-file/json-schema';
import { validateCaseFile } from '../../src/core/case-file/validate';
import { isWeekend } from '../../src/core/domain/legal-date';
import { loadDocumentTypes } from '../../src/core/domain/document-types';
import { defaultRulePack, loadRulePack, reviewCaseFile } from '../../src/core/engine';
import { projectRoot } from '../../src/core/paths';
import { availableScoringSheetIds, loadScoringSheet, scoreReview } from '../../src/core/scoring';
import { NO_SCHEDULE_YEAR } from '../support/holiday-coverage';

const ROOT = projectRoot();
const copies: string[] = [];

/** a copy of rules/ */
function rulesCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'recipe-rules-'));
  copies.push(dir);
  cpSync(join(ROOT, 'rules'), dir, { recursive: true });
  return dir;
}

function withRulesDir<T>(dir: string, fn: () => T): T {
  const before = process.env.RULES_DIR;
  process.env.RULES_DIR = dir;
  try {
    return fn();
  } finally {
    if (before === undefined) delete process.env.RULES_DIR;
    else process.env.RULES_DIR = before;
  }
}

afterAll(() => {
  for (const d of copies) rmSync(d, { recursive: true, force: true });
});

const minimal = () => JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'minimal-case.json'), 'utf8'));

describe('CONTRIBUTING.md recipes', () => {
  it('a new document type is one entry in rules/document-types.yaml (then the schema is regenerated)', () => {
    const dir = rulesCopy();
    const file = join(dir, 'document-types.yaml');
    const entry = '  - { id: hearing_minutes, name: 听证会议纪要, form: null, stage: hearing, servable: false, sealRequired: false }\n';
    writeFileSync(file, readFileSync(file, 'utf8') + entry);
    const types = loadDocumentTypes(dir);
    expect(types.get('hearing_minutes')?.name).toBe('听证会议纪要');
    // the validator, the engine and the generated schema know it
    const cf = minimal();
    cf.documents.push({ id: 'hm1', type: 'hearing_minutes', madeOn: '2025-03-05' });
    cf.fileIndex.push({ order: 2, title: '听证会议纪要', refId: 'hm1', pages: { from: 4, to: 5 } });
    expect(validateCaseFile(cf).ok).toBe(false);
    const accepted = validateCaseFile(cf, { documentTypes: types });
    expect(accepted.ok ? [] : accepted.errors).toEqual([]);
    const pack = loadRulePack(join(dir, 'pack'));
    expect(pack.documentTypes.get('hearing_minutes')?.stage).toBe('hearing');
    const schema = JSON.stringify(buildCaseFileJsonSchema({ documentTypes: types }));
    expect(schema).toContain('hearing_minutes');
    // … which is why the committed docs/case-file.schema.json must be regenerated (test/case-file/schema.spec.ts)
    expect(readFileSync(join(ROOT, 'docs', 'case-file.schema.json'), 'utf8')).not.toContain('hearing_minutes');
  });

  it('a new holiday year is one file in rules/holidays/', () => {
    const dir = rulesCopy();
    const y = NO_SCHEDULE_YEAR;
    // a 调休上班日 must be a weekend day: the first Saturday or Sunday of February
    let adjusted = toDays(`${y}-02-01`);
    while (!isWeekend(adjusted)) adjusted++;
    const text = [
      `year: ${y}`,
      'notice: { title: 测试用虚构安排（非真实通知）, number: null, issued: 2026-11-01, source: 单元测试 }',
      'holidays:',
      `  - { name: 元旦, rest: { from: ${y}-01-01, to: ${y}-01-01 } }`,
      `  - { name: 春节, rest: { from: ${y}-02-10, to: ${y}-02-16 }, adjusted_workdays: [${fromDays(adjusted)}] }`,
      '',
    ].join('\n');
    writeFileSync(join(dir, 'holidays', `${y}.yaml`), text);
    const cal = createLegalCalendar({ rulesDir: dir });
    expect(cal.coveredYears()).toContain(y);
    expect(cal.computePeriod({ start: `${y}-03-02`, amount: 5, unit: 'workday' }).status).toBe('ok');
    expect(cal.dayInfo(`${y}-01-01`)).toMatchObject({ kind: 'holiday', name: '元旦' });
    expect(isLegalDate(`${y}-01-01`)).toBe(true);
  });

  it('a new scoring sheet is one file in rules/scoring/ (id = file name)', () => {
    const dir = rulesCopy();
    const text = readFileSync(join(dir, 'scoring', 'official-2024.yaml'), 'utf8').replace(/^id: official-2024$/m, 'id: province-x-2025');
    writeFileSync(join(dir, 'scoring', 'province-x-2025.yaml'), text);
    withRulesDir(dir, () => {
      expect(availableScoringSheetIds()).toContain('province-x-2025');
      const caseFile = minimal();
      const review = reviewCaseFile(caseFile, { mode: 'review', asOf: '2026-06-30' });
      const score = scoreReview(review, loadScoringSheet('province-x-2025'), { caseFile });
      expect(score.sheetId).toBe('province-x-2025');
    });
  });

  it('a new rule is one entry in its family file; the loader takes it (its fixtures are required by rule-fixtures.spec.ts)', () => {
    const dir = rulesCopy();
    const file = join(dir, 'pack', 'education.yaml');
    const rule = [
      '  - id: ED-99',
      '    title: 普法教育记录应由受教育人签名（示例）',
      '    basis:',
      '      - law: 中华人民共和国行政处罚法',
      '        article: 第6条',
      '    confidence: I',
      '    severity: warning',
      '    scoringItem: education',
      '    check: { kind: signature, documents: [education_record] }',
      '    message: "{docLabel}：{problem}"',
      '    problems:',
      '      noSignature: 无受教育人签名或拒签记载',
      '      refusalNotNoted: 受教育人拒签但未注明拒签情况',
      '      absent: 无受教育人签名（记为未到场）',
      '    suggestion: 受教育人应在普法记录上签名',
      '',
    ].join('\n');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n*$/, '\n') + rule);
    const pack = loadRulePack(join(dir, 'pack'));
    expect(pack.byId.get('ED-99')?.family).toBe('education');
    expect(pack.rules.length).toBe(defaultRulePack().rules.length + 1);
  });
});
