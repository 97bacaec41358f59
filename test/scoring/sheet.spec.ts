import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  defaultScoringSheetId,
  listScoringSheets,
  loadScoringSheet,
  loadScoringSheetFile,
  ScoringSheetError,
  ScoringSheetNotFoundError,
  type DeductionSheet,
} from '../../src/core/scoring';
import { rulesDir } from '../../src/core/paths';

const defaultText = readFileSync(join(rulesDir(), 'scoring', 'inferred-2024.yaml'), 'utf8');

function tempSheet(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sheet-'));
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, text);
  return file;
}

function errorOf(fn: () => unknown): ScoringSheetError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ScoringSheetError) return e;
    throw e;
  }
  throw new Error('expected a ScoringSheetError');
}

describe('scoring sheets', () => {
  const saved = process.env.SCORING_SHEET;
  afterEach(() => {
    if (saved === undefined) delete process.env.SCORING_SHEET;
    else process.env.SCORING_SHEET = saved;
  });

  it('ships inferred-2024 (placeholder 【I】) and strict-veto-zero, both valid', () => {
    const d = loadScoringSheet('inferred-2024') as DeductionSheet;
    expect(d.status).toBe('placeholder');
    expect(d.categories.reduce((s, c) => s + c.max, 0)).toBe(100);
    expect(d.veto.map((v) => v.id)).toEqual(['V1', 'V2', 'V3', 'V4', 'V5', 'V6', 'V7', 'V8', 'V9', 'V10', 'V11', 'V12', 'V13']);
    expect(d.deductions.bySeverity).toEqual({ veto: 5, error: 2, warning: 1, info: 0 });
    expect(d.grades).toEqual([
      { name: '优秀', min: 90 },
      { name: '良好', min: 80 },
      { name: '合格', min: 60 },
      { name: '不合格', min: 0 },
    ]);
    expect(loadScoringSheet('strict-veto-zero').vetoZeroesTotal).toBe(true);
    expect(d.vetoZeroesTotal).toBe(false);
  });

  it('SCORING_SHEET chooses the default sheet', () => {
    delete process.env.SCORING_SHEET;
    expect(defaultScoringSheetId()).toBe('official-2024');
    expect(loadScoringSheet().id).toBe('official-2024');
    process.env.SCORING_SHEET = 'strict-veto-zero';
    expect(loadScoringSheet().id).toBe('strict-veto-zero');
    expect(listScoringSheets().find((s) => s.isDefault)?.id).toBe('strict-veto-zero');
  });

  it('lists the sheets with id, version, status', () => {
    delete process.env.SCORING_SHEET;
    const list = listScoringSheets();
    expect(list.map((s) => s.id)).toEqual(expect.arrayContaining(['official-2024', 'inferred-2024', 'strict-veto-zero']));
    expect(list.find((s) => s.id === 'official-2024')).toMatchObject({ status: 'official', model: 'xize-2024', isDefault: true, vetoZeroesTotal: true });
    expect(list.find((s) => s.id === 'inferred-2024')).toMatchObject({ version: '2024.0-I.1', status: 'placeholder', model: 'deduction', isDefault: false });
    // the old sheets say what they are
    expect(list.find((s) => s.id === 'inferred-2024')!.name).toContain('非细则');
    expect(list.find((s) => s.id === 'strict-veto-zero')!.name).toContain('非细则');
  });

  it('an unknown or path-like id is a ScoringSheetNotFoundError naming the available sheets', () => {
    expect(() => loadScoringSheet('official-2030')).toThrow(ScoringSheetNotFoundError);
    expect(() => loadScoringSheet('official-2030')).toThrow(/inferred-2024/);
    expect(() => loadScoringSheet('../document-types')).toThrow(ScoringSheetNotFoundError);
  });

  it('the loader accepts a copy of the default sheet under its own name', () => {
    const file = tempSheet('local-copy', defaultText.replace('id: inferred-2024', 'id: local-copy'));
    expect(loadScoringSheetFile(file).id).toBe('local-copy');
  });

  it('reports a YAML syntax error with the file and the line', () => {
    const file = tempSheet('broken', 'id: broken\ncategories: [\n  { id: a, max: 5 \n');
    const e = errorOf(() => loadScoringSheetFile(file));
    expect(e.message).toContain(file);
    expect(e.issues[0].path).toMatch(/^第\d+行第\d+列$/);
  });

  it('lists every problem of a malformed sheet with its path', () => {
    const bad = defaultText
      .replace('id: inferred-2024', 'id: other-name')
      .replace('{ id: filing, name: 立案, max: 8 }', '{ id: filing, name: 立案, max: -8 }')
      .replace('warning: 1,', 'warning: "一",')
      .replace('fallbackCategory: archiving', 'fallbackCategory: attic')
      .replace('rules: [SEQ-08]', 'rules: [SEQ-08, DL-03]')
      .replace('{ name: 良好, min: 80 }', '{ name: 良好, min: 95 }')
      .replace('vetoGrade: 不合格', 'vetoGrade: 零分');
    const file = tempSheet('bad', bad);
    const e = errorOf(() => loadScoringSheetFile(file));
    const paths = e.issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'id',
        'categories[1].max',
        'deductions.bySeverity.warning',
        'unknownScoringItem.fallbackCategory',
        'veto[9].rules[1]',
        'grades[1].min',
        'vetoGrade',
      ]),
    );
    // every line of the message names the file and the path
    for (const i of e.issues) expect(e.message).toContain(`${file}: ${i.path}: ${i.message}`);
  });

  it('refuses a sheet whose categories do not add up to the total, and unknown keys', () => {
    const file = tempSheet('sum', defaultText.replace('id: inferred-2024', 'id: sum').replace('max: 30 }', 'max: 31 }').replace('total: 100', 'total: 100\nweights: 3'));
    const e = errorOf(() => loadScoringSheetFile(file));
    expect(e.issues).toEqual(
      expect.arrayContaining([
        { path: 'categories', message: '各分项分值之和 101 不等于 total 100' },
        expect.objectContaining({ path: 'weights' }),
      ]),
    );
  });

  it('RULES_DIR points the loader at another rules folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rules-'));
    mkdirSync(join(dir, 'scoring'));
    writeFileSync(join(dir, 'scoring', 'local.yaml'), defaultText.replace('id: inferred-2024', 'id: local'));
    const saved = process.env.RULES_DIR;
    process.env.RULES_DIR = dir;
    try {
      expect(loadScoringSheet('local').id).toBe('local');
      expect(() => loadScoringSheet('inferred-2024')).toThrow(ScoringSheetNotFoundError);
    } finally {
      if (saved === undefined) delete process.env.RULES_DIR;
      else process.env.RULES_DIR = saved;
    }
  });
});
