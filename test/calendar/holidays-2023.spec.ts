/**
 * rules/holidays/2023.yaml (国办发明电〔2022〕16号): the project's own 2023 schedule — 2023 cases (the last old-law
 * filings before 2023-07-01 and the first new-law ones) depend on it. The loader compares it with chinese-days day by
 * day; here the file itself is read and its days are the ones the calendar uses.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCalendar, parseYearFile } from '../../src/core/calendar';
import { rulesDir } from '../../src/core/paths';

const file = parseYearFile('holidays/2023.yaml', readFileSync(join(rulesDir(), 'holidays', '2023.yaml'), 'utf8'));
const cal = defaultCalendar();

describe('rules/holidays/2023.yaml', () => {
  it('is the 2023 notice with its seven blocks', () => {
    expect(file.year).toBe(2023);
    expect(file.notice.number).toBe('国办发明电〔2022〕16号');
    expect(file.holidays.map((h) => h.name)).toEqual(['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节、国庆节']);
  });

  it.each([
    ['2023-01-27', 'holiday'],
    ['2023-01-28', 'adjusted_workday'],
    ['2023-04-23', 'adjusted_workday'],
    ['2023-06-25', 'adjusted_workday'],
    ['2023-09-29', 'holiday'],
    ['2023-10-06', 'holiday'],
    ['2023-10-07', 'adjusted_workday'],
    ['2023-10-08', 'adjusted_workday'],
    ['2023-10-09', 'workday'],
  ])('%s is a %s', (date, kind) => {
    expect(cal.dayInfo(date).kind).toBe(kind);
  });

  it('a 90-day 办案期限 from 2023-07-01 ends on 2023-09-29 (中秋) and rolls to 2023-10-07 (调休上班日)', () => {
    const r = cal.computePeriod({ start: '2023-07-01', amount: 90, unit: 'day', roll: 'party' });
    expect(r.end).toBe('2023-10-07');
  });
});
