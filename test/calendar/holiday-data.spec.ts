/**
 * Holiday data: coverage, the day-by-day cross-check of rules/holidays against chinese-days, the catalog §f5
 * transcription, precedence of year files, new years and malformed files. "The year without data" is the one after
 * the data's coverage (test/support/holiday-coverage.ts), so adding a year file breaks nothing here.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLegalCalendar, defaultCalendar, fromDays, HolidayDataError, loadChineseDaysData, parseYearFile, toDays } from '../../src/core/calendar';
import { rulesDir } from '../../src/core/paths';
import { BEFORE_DATA_YEAR, firstDayFrom, LAST_COVERED_YEAR, NO_SCHEDULE_YEAR } from '../support/holiday-coverage';

const cal = defaultCalendar();
const tempDirs: string[] = [];

/** a rules dir whose holidays/ holds the given files */
function rulesWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'calendar-rules-'));
  tempDirs.push(dir);
  mkdirSync(join(dir, 'holidays'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'holidays', name), text);
  return dir;
}

afterAll(() => {
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
});

/** rules-catalog §f5 machine-readable summary, copied verbatim */
const CATALOG_REST_BLOCKS: Array<[string, string]> = [
  ['2023-12-30', '2024-01-01'],
  ['2024-02-10', '2024-02-17'],
  ['2024-04-04', '2024-04-06'],
  ['2024-05-01', '2024-05-05'],
  ['2024-06-08', '2024-06-10'],
  ['2024-09-15', '2024-09-17'],
  ['2024-10-01', '2024-10-07'],
  ['2025-01-01', '2025-01-01'],
  ['2025-01-28', '2025-02-04'],
  ['2025-04-04', '2025-04-06'],
  ['2025-05-01', '2025-05-05'],
  ['2025-05-31', '2025-06-02'],
  ['2025-10-01', '2025-10-08'],
  ['2026-01-01', '2026-01-03'],
  ['2026-02-15', '2026-02-23'],
  ['2026-04-04', '2026-04-06'],
  ['2026-05-01', '2026-05-05'],
  ['2026-06-19', '2026-06-21'],
  ['2026-09-25', '2026-09-27'],
  ['2026-10-01', '2026-10-07'],
];
const CATALOG_ADJUSTED: string[] = [
  ...['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
  ...['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  ...['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
];

function yearDays(year: number): string[] {
  const out: string[] = [];
  for (let d = toDays(`${year}-01-01`); d <= toDays(`${year}-12-31`); d++) out.push(fromDays(d));
  return out;
}

describe('coverage and version', () => {
  test('covers 2004–2026 at least (chinese-days 2004–2026 plus the project year files), without a gap', () => {
    const years = cal.coveredYears();
    for (let y = 2004; y <= 2026; y++) expect(years).toContain(y);
    expect(years).toEqual(Array.from({ length: LAST_COVERED_YEAR - BEFORE_DATA_YEAR }, (_, i) => BEFORE_DATA_YEAR + 1 + i));
  });

  test('dataVersion names the package version and the year files', () => {
    const pkg = JSON.parse(readFileSync(require.resolve('chinese-days/package.json'), 'utf8')) as { version: string };
    expect(cal.dataVersion()).toContain(`chinese-days@${pkg.version}`);
    const files = readdirSync(join(rulesDir(), 'holidays')).filter((f) => /^\d{4}\.yaml$/.test(f)).map((f) => f.slice(0, 4)).sort();
    expect(files).toEqual(expect.arrayContaining(['2024', '2025', '2026']));
    expect(cal.dataVersion()).toMatch(new RegExp(`rules/holidays ${files.join(',')} sha256:[0-9a-f]{12}`));
  });

  test('years 2024–2026 come from the project files and cite the notice', () => {
    expect(cal.yearSource(2025)).toMatchObject({ origin: 'rules', citation: '国办发明电〔2024〕12号' });
    expect(cal.yearSource(2024)).toMatchObject({ origin: 'rules', citation: '国办发明电〔2023〕7号' });
    // 2026: the 文号 is unknown, so the notice is cited by title and date
    expect(cal.yearSource(2026)).toMatchObject({ origin: 'rules', citation: '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）' });
    expect(cal.yearSource(2021)).toMatchObject({ origin: 'chinese-days' });
  });
});

describe('cross-check: rules/holidays vs chinese-days', () => {
  test('the loader found no disagreement', () => {
    expect(cal.dataDiscrepancies()).toEqual([]);
  });

  test('day by day, 2024–2026: the year files and the package alone agree on every working day', () => {
    const packageOnly = createLegalCalendar({ rulesDir: rulesWith({}) });
    const disagreements: string[] = [];
    for (const year of [2024, 2025, 2026]) {
      for (const date of yearDays(year)) {
        if (cal.isWorkday(date) !== packageOnly.isWorkday(date)) disagreements.push(date);
      }
    }
    expect(disagreements).toEqual([]);
  });

  test('the year files match the rules-catalog §f5 summary exactly', () => {
    const rest = new Set<string>();
    for (const [from, to] of CATALOG_REST_BLOCKS) for (let d = toDays(from); d <= toDays(to); d++) rest.add(fromDays(d));
    for (const year of [2024, 2025, 2026]) {
      for (const date of yearDays(year)) {
        const info = cal.dayInfo(date);
        if (rest.has(date)) expect([date, info.kind]).toEqual([date, 'holiday']);
        else if (CATALOG_ADJUSTED.includes(date)) expect([date, info.kind]).toEqual([date, 'adjusted_workday']);
        else expect([date, info.kind]).toEqual([date, info.isWorkday ? 'workday' : 'weekend']);
      }
    }
  });

  test('working-day totals equal the catalog figures {2024: 251, 2025: 248, 2026: 248}', () => {
    const count = (year: number) => yearDays(year).filter((d) => cal.isWorkday(d)).length;
    expect([count(2024), count(2025), count(2026)]).toEqual([251, 248, 248]);
  });

  test('chinese-days marks 调休上班日 only on weekends, never a day both off and on', () => {
    const data = loadChineseDaysData();
    for (const [day, entry] of data.entries) {
      if (entry.kind === 'adjusted_workday') expect([0, 6]).toContain((((day + 4) % 7) + 7) % 7);
    }
  });

  test('a year file that disagrees with the package wins, and the disagreement is reported', () => {
    // 2025 with 2025-01-26 (a 调休 Sunday) left out, as a transcription slip would do
    const original = readFileSync(join(rulesDir(), 'holidays', '2025.yaml'), 'utf8');
    const slipped = original.replace('adjusted_workdays: [2025-01-26, 2025-02-08]', 'adjusted_workdays: [2025-02-08]');
    expect(slipped).not.toBe(original);
    const c = createLegalCalendar({ rulesDir: rulesWith({ '2025.yaml': slipped }) });
    expect(c.isWorkday('2025-01-26')).toBe(false);
    expect(c.dataDiscrepancies()).toEqual([
      { date: '2025-01-26', rulesFile: join('holidays', '2025.yaml'), rulesIsWorkday: false, chineseDaysIsWorkday: true },
    ]);
    expect(c.dayInfo('2025-01-26').explanation.join('\n')).toContain('不一致');
  });
});

describe('a year without data', () => {
  const YEAR_2027 = [
    'year: 2027',
    'notice:',
    '  title: 测试用虚构安排（非真实通知）',
    '  number: null',
    '  issued: 2026-11-01',
    '  source: 单元测试',
    'holidays:',
    '  - name: 元旦',
    '    rest: { from: 2027-01-01, to: 2027-01-03 }',
    '  - name: 春节',
    '    rest: { from: 2027-02-06, to: 2027-02-13 }',
    '    adjusted_workdays: [2027-02-14]',
    '  - name: 测试假日',
    '    rest: { from: 2027-12-30, to: 2027-12-31 }',
    '',
  ].join('\n');

  const Y = NO_SCHEDULE_YEAR;
  const P = LAST_COVERED_YEAR;

  test('a working-day question reaching the year after the data is undeterminable and names the year', () => {
    // at most three working days are left after 12-28, so seven reach into the next year
    const r = cal.computePeriod({ start: `${P}-12-28`, amount: 7, unit: 'workday' });
    expect(r.status).toBe('undeterminable');
    expect(r.end).toBeUndefined();
    expect(r.missingYears).toEqual([Y]);
    expect(r.explanation.join('\n')).toContain(`缺少 ${Y} 年国务院放假调休安排`);
    expect(cal.isWorkday(`${Y}-03-01`)).toBeUndefined();
    expect(cal.dayInfo(`${Y}-03-01`).status).toBe('undeterminable');
    expect(cal.dayInfo(`${Y}-03-01`).kind).toBeUndefined();
  });

  test('a long period reaching several missing years names them all', () => {
    const r = cal.computePeriod({ start: `${P}-06-01`, amount: 400, unit: 'workday' });
    expect(r.status).toBe('undeterminable');
    expect(r.missingYears).toEqual([Y, Y + 1]);
  });

  test('pure calendar arithmetic under strict still answers; the party roll needs the year', () => {
    const strict = cal.computePeriod({ start: `${P}-12-20`, amount: 30, unit: 'day', roll: 'strict' });
    expect(strict).toMatchObject({ status: 'ok', end: `${Y}-01-19` });
    const party = cal.computePeriod({ start: `${P}-12-20`, amount: 30, unit: 'day', roll: 'party' });
    expect(party).toMatchObject({ status: 'undeterminable', missingYears: [Y], arithmeticEnd: `${Y}-01-19` });
    expect(party.end).toBeUndefined();
    // a party period ending on a known working day of the last covered year needs nothing else
    const workday = firstDayFrom(`${P}-12-01`, (d) => cal.isWorkday(d) === true);
    const start = fromDays(toDays(workday) - 30);
    expect(cal.computePeriod({ start, amount: 30, unit: 'day' })).toMatchObject({ status: 'ok', end: workday });
    // backward calendar-day arithmetic needs no schedule either
    expect(cal.computePeriod({ start: `${Y}-03-10`, amount: 7, unit: 'day', direction: 'backward' })).toMatchObject({
      status: 'ok',
      end: `${Y}-03-03`,
    });
  });

  test('a year before the data is undeterminable too', () => {
    expect(cal.computePeriod({ start: `${BEFORE_DATA_YEAR}-06-01`, amount: 5, unit: 'workday' })).toMatchObject({
      status: 'undeterminable',
      missingYears: [BEFORE_DATA_YEAR],
    });
  });

  test('adding a 2027 year file in a rules dir makes the question computable', () => {
    const c = createLegalCalendar({ rulesDir: rulesWith({ '2027.yaml': YEAR_2027 }) });
    expect(c.coveredYears()).toContain(2027);
    // 2026-12-28 (Mon): 12-29, 12-30, 12-31 = 3; 2027-01-01..03 off; 01-04..01-07 = 7
    const r = c.computePeriod({ start: '2026-12-28', amount: 7, unit: 'workday' });
    expect(r).toMatchObject({ status: 'ok', end: '2027-01-07' });
    expect(r.explanation.join('\n')).toContain('2027-01-01至2027-01-03 元旦放假，不计入');
    expect(c.dayInfo('2027-02-14')).toMatchObject({ kind: 'adjusted_workday', name: '春节', isWorkday: true });
    expect(c.dataVersion()).toContain('rules/holidays 2027');
    // a party period ending on 2027-12-31 (a rest day there) rolls into 2028, which has no data
    const roll = c.computePeriod({ start: '2027-12-01', amount: 30, unit: 'day', roll: 'party' });
    expect(roll).toMatchObject({ status: 'undeterminable', missingYears: [2028], arithmeticEnd: '2027-12-31' });
  });
});

describe('malformed year files are refused with a Chinese message', () => {
  const base = (over: string) =>
    ['year: 2027', 'notice:', '  title: 通知', '  number: null', '  issued: 2026-11-01', '  source: 测试', over].join('\n');

  test.each([
    ['a weekday as 调休上班日', base('holidays:\n  - name: 春节\n    rest: { from: 2027-02-06, to: 2027-02-13 }\n    adjusted_workdays: [2027-02-15]'), '调休上班日应为周六或周日'],
    ['an impossible date', base('holidays:\n  - name: 春节\n    rest: { from: 2027-02-30, to: 2027-03-01 }'), '不是有效日期'],
    ['an inverted block', base('holidays:\n  - name: 春节\n    rest: { from: 2027-02-13, to: 2027-02-06 }'), '晚于止日'],
    ['no holidays', base('holidays: []'), 'holidays 应为非空列表'],
    ['a day listed twice', base('holidays:\n  - name: 元旦\n    rest: { from: 2027-01-01, to: 2027-01-03 }\n  - name: 春节\n    rest: { from: 2027-01-03, to: 2027-01-04 }'), '重复列出'],
    ['bad YAML', 'year: [', 'YAML'],
  ])('%s', (_label, text, message) => {
    expect(() => parseYearFile(join('holidays', '2027.yaml'), text)).toThrow(HolidayDataError);
    try {
      createLegalCalendar({ rulesDir: rulesWith({ '2027.yaml': text }) });
      throw new Error('expected a HolidayDataError');
    } catch (e) {
      expect(e).toBeInstanceOf(HolidayDataError);
      expect((e as Error).message).toContain(message);
    }
  });

  test('the file name must match the year', () => {
    const text = 'year: 2027\nnotice: { title: 通知, number: null, issued: 2026-11-01, source: 测试 }\nholidays:\n  - { name: 元旦, rest: { from: 2027-01-01, to: 2027-01-01 } }\n';
    expect(() => parseYearFile(join('holidays', '2028.yaml'), text)).toThrow('文件名应为 2027.yaml');
  });
});
