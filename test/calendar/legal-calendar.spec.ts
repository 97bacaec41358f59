/**
 * The calendar's API beyond the worked examples: input checks, day kinds, exclusions, backward months,
 * explanations, hours, and independence from the process time zone.
 */
import { CalendarInputError, defaultCalendar, type PeriodRequest } from '../../src/core/calendar';
import { formatLegalDateTime, parseLegalDateTime } from '../../src/core/domain/legal-date';

const cal = defaultCalendar();

function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CalendarInputError);
    return (e as CalendarInputError).issues;
  }
  throw new Error('expected a CalendarInputError');
}

describe('input checks', () => {
  test.each([
    [{ start: '2025-02-30', amount: 5, unit: 'day' }, 'start', 'INVALID_DATE'],
    [{ start: '2025/02/03', amount: 5, unit: 'day' }, 'start', 'INVALID_DATE'],
    [{ amount: 5, unit: 'day' }, 'start', 'REQUIRED'],
    [{ start: '1899-12-31', amount: 5, unit: 'day' }, 'start', 'DATE_OUT_OF_RANGE'],
    [{ start: '2025-02-03', amount: -1, unit: 'day' }, 'amount', 'INVALID_AMOUNT'],
    [{ start: '2025-02-03', amount: 0, unit: 'day' }, 'amount', 'INVALID_AMOUNT'],
    [{ start: '2025-02-03', amount: 2.5, unit: 'day' }, 'amount', 'INVALID_AMOUNT'],
    [{ start: '2025-02-03', amount: '5', unit: 'day' }, 'amount', 'INVALID_AMOUNT'],
    [{ start: '2025-02-03', amount: 101, unit: 'year' }, 'amount', 'AMOUNT_TOO_LARGE'],
    [{ start: '2025-02-03', amount: 5, unit: 'week' }, 'unit', 'INVALID_UNIT'],
    [{ start: '2025-02-03', amount: 5, unit: 'hour' }, 'unit', 'INVALID_UNIT'],
    [{ start: '2025-02-03', amount: 5, unit: 'day', direction: 'up' }, 'direction', 'INVALID_DIRECTION'],
    [{ start: '2025-02-03', amount: 5, unit: 'day', roll: 'lenient' }, 'roll', 'INVALID_ROLL'],
    [{ start: '2025-02-03', amount: 5, unit: 'day', backwardReading: 'loose' }, 'backwardReading', 'INVALID_READING'],
    [{ start: '2025-02-03', amount: 5, unit: 'day', exclusions: [{ from: '2025-03-01', to: '2025-02-01', reason: '中止' }] }, 'exclusions[0]', 'INVALID_INTERVAL'],
    [{ start: '2025-02-03', amount: 5, unit: 'day', exclusions: [{ from: '2025-03-01', to: '2025-03-02' }] }, 'exclusions[0].reason', 'REQUIRED'],
    [{ start: '2025-02-03', amount: 5, unit: 'day', exclusions: [{ from: '2025-03-32', to: '2025-04-02', reason: '检测' }] }, 'exclusions[0].from', 'INVALID_DATE'],
  ])('%j → %s %s', (req, path, code) => {
    const issues = issuesOf(() => cal.computePeriod(req as unknown as PeriodRequest));
    expect(issues).toEqual(expect.arrayContaining([expect.objectContaining({ path, code })]));
    for (const i of issues) expect(i.message).toMatch(/[\u4e00-\u9fff]/);
  });

  test('dayInfo / isWorkday / countDaysInclusive refuse an impossible date', () => {
    expect(issuesOf(() => cal.dayInfo('2025-02-29'))[0]).toMatchObject({ code: 'INVALID_DATE' });
    expect(issuesOf(() => cal.isWorkday('2025-13-01'))[0]).toMatchObject({ code: 'INVALID_DATE' });
    expect(issuesOf(() => cal.countDaysInclusive('2025-01-01', 'x'))[0]).toMatchObject({ path: 'to' });
  });
});

describe('day kinds', () => {
  test.each([
    ['2024-02-09', 'workday', true, undefined], // 除夕 2024: not a statutory holiday (catalog f5)
    ['2024-02-10', 'holiday', false, '春节'],
    ['2024-02-04', 'adjusted_workday', true, '春节'],
    ['2024-06-08', 'holiday', false, '端午节'], // "与周末连休"
    ['2023-12-30', 'holiday', false, '元旦'], // the 2024 notice's 元旦 block reaches into 2023
    ['2025-10-06', 'holiday', false, '国庆节、中秋节'],
    ['2025-03-08', 'weekend', false, undefined],
    ['2026-01-04', 'adjusted_workday', true, '元旦'],
    ['2020-01-31', 'holiday', false, '春节'], // 2020 春节 extension (chinese-days data)
    ['2015-09-03', 'holiday', false, '中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日'],
  ])('%s is %s', (date, kind, isWorkday, name) => {
    const info = cal.dayInfo(date);
    expect(info).toMatchObject({ status: 'ok', kind, isWorkday });
    expect(info.name).toBe(name);
    expect(cal.isWorkday(date)).toBe(isWorkday);
  });

  test('weekday names are computed without Date', () => {
    expect(cal.dayInfo('2025-01-01').weekday).toBe('星期三');
    expect(cal.dayInfo('2000-02-29').weekday).toBe('星期二');
    expect(cal.dayInfo('1900-03-01').weekday).toBe('星期四');
  });
});

describe('exclusions', () => {
  test('overlapping exclusions count once; only days after the start count', () => {
    const r = cal.computePeriod({
      start: '2025-03-03',
      amount: 90,
      unit: 'day',
      roll: 'strict',
      exclusions: [
        { from: '2025-02-20', to: '2025-03-05', reason: '中止' }, // only 03-04, 03-05 fall after the start
        { from: '2025-04-01', to: '2025-04-10', reason: '检测' },
        { from: '2025-04-06', to: '2025-04-15', reason: '鉴定' }, // overlaps 04-06..04-10
      ],
    });
    // 2 + 15 distinct days → 2025-06-01 + 17 = 2025-06-18
    expect(r.end).toBe('2025-06-18');
    expect(r.explanation.join('\n')).toContain('扣除合计 17 日（相互重叠的日子只计一次）');
  });

  test('an exclusion entirely after the end changes nothing', () => {
    const r = cal.computePeriod({ start: '2025-03-03', amount: 10, unit: 'day', exclusions: [{ from: '2025-05-01', to: '2025-05-31', reason: '中止' }] });
    expect(r.end).toBe('2025-03-13');
  });

  test('month periods extend by the excluded days too, then roll', () => {
    // 2025-01-10 + 3 months = 2025-04-10; 10 days 中止 → 2025-04-20 (Sunday) → party roll 2025-04-21
    const r = cal.computePeriod({ start: '2025-01-10', amount: 3, unit: 'month', exclusions: [{ from: '2025-02-10', to: '2025-02-19', reason: '中止' }] });
    expect(r).toMatchObject({ end: '2025-04-21', arithmeticEnd: '2025-04-20', rolled: true });
  });

  test('working-day periods skip excluded working days', () => {
    // 2025-03-03 (Mon) + 5 working days = 03-10; excluding 03-04..03-05 → 03-12
    const r = cal.computePeriod({ start: '2025-03-03', amount: 5, unit: 'workday', exclusions: [{ from: '2025-03-04', to: '2025-03-05', reason: '中止' }] });
    expect(r.end).toBe('2025-03-12');
    expect(r.explanation.join('\n')).toContain('其中 2 个工作日落在期间内');
  });

  test('backward periods do not apply exclusions and say so', () => {
    const r = cal.computePeriod({ start: '2025-03-20', amount: 5, unit: 'day', direction: 'backward', exclusions: [{ from: '2025-03-16', to: '2025-03-17', reason: '中止' }] });
    expect(r.end).toBe('2025-03-15');
    expect(r.explanation.join('\n')).toContain('扣除期间只适用于向后计算的期间');
  });
});

describe('backward periods', () => {
  test('months: the inclusive reading goes to the last day whose month period ends on the target', () => {
    // target 2025-02-28, 一个月前: conservative 2025-01-28 (corresponding day); inclusive 2025-01-31 (01-31 + 1 month = 02-28)
    expect(cal.computePeriod({ start: '2025-02-28', amount: 1, unit: 'month', direction: 'backward' }).end).toBe('2025-01-28');
    expect(cal.computePeriod({ start: '2025-02-28', amount: 1, unit: 'month', direction: 'backward', backwardReading: 'inclusive' }).end).toBe('2025-01-31');
  });

  test('calendar days: both readings agree; a rest-day answer is flagged with the last working day before it', () => {
    const c = cal.computePeriod({ start: '2025-10-10', amount: 7, unit: 'day', direction: 'backward' });
    const i = cal.computePeriod({ start: '2025-10-10', amount: 7, unit: 'day', direction: 'backward', backwardReading: 'inclusive' });
    expect(c.end).toBe('2025-10-03');
    expect(i.end).toBe('2025-10-03');
    expect(c.explanation.join('\n')).toContain('2025-10-03 为休息日（2025-10-01至2025-10-08 国庆节、中秋节放假期间），倒数期间不顺延');
    expect(c.explanation.join('\n')).toContain('如须在工作日完成，最迟为 2025-09-30（星期二）');
    expect(c.arithmeticEnd).toBeUndefined();
  });

  test('a backward working-day period reaching a year without data is undeterminable', () => {
    expect(cal.computePeriod({ start: '2004-01-06', amount: 5, unit: 'workday', direction: 'backward' })).toMatchObject({
      status: 'undeterminable',
      missingYears: [2003],
    });
  });
});

describe('explanations', () => {
  const requests: PeriodRequest[] = [
    { start: '2025-01-24', amount: 5, unit: 'workday', basis: '行政处罚法第64条第1款第1项、第85条' },
    { start: '2025-09-20', amount: 15, unit: 'day' },
    { start: '2024-11-30', amount: 3, unit: 'month', roll: 'strict' },
    { start: '2024-02-29', amount: 2, unit: 'year' },
    { start: '2025-10-13', amount: 7, unit: 'workday', direction: 'backward', backwardReading: 'inclusive' },
    { start: '2025-03-03', amount: 90, unit: 'day', exclusions: [{ from: '2025-04-01', to: '2025-04-15', reason: '检测' }] },
  ];

  test.each(requests)('short Chinese lines, start first, end last: %j', (req) => {
    const r = cal.computePeriod(req);
    expect(r.explanation[0]).toMatch(/^(起算事件日|目标日)：/);
    expect(r.explanation[0]).toContain('民法典第201条');
    expect(r.explanation[r.explanation.length - 1]).toMatch(/^(届满日|最迟日)：\d{4}-\d{2}-\d{2}（星期.）$/);
    for (const line of r.explanation) {
      expect(line).toMatch(/[\u4e00-\u9fff]/);
      expect(line).not.toContain('\n');
      expect(line.length).toBeLessThanOrEqual(90);
    }
  });

  test('the statute behind a working-day period is named from the basis', () => {
    const text = (basis: string, amount: number) =>
      cal.computePeriod({ start: '2025-03-03', amount, unit: 'workday', basis }).explanation.join('\n');
    expect(text('行政复议法第30条', 5)).toContain('行政复议法第88条第2款："五日"指工作日');
    expect(text('行政强制法第54条', 10)).toContain('行政强制法第69条：十日以内期限指工作日');
    expect(text('行政处罚法第56条', 7)).toContain('行政处罚法第85条："七日"指工作日');
    // 十五日 in 行政处罚法 is not a working-day period: no statute line is invented
    expect(text('行政处罚法第67条', 15)).not.toContain('第85条');
  });

  test('month arithmetic names the missing corresponding day (民法典第202条)', () => {
    const r = cal.computePeriod({ start: '2024-11-30', amount: 3, unit: 'month', roll: 'strict' });
    expect(r.explanation).toContain('计算：2024-11-30 起3个月，到期月无对应日 2025-02-30，以月末2025-02-28（星期五）为最后一日（民法典第202条）');
  });
});

describe('hours (民法典第201条第2款): integer minutes of the domain kernel', () => {
  const addHours = (t: string, h: number) => formatLegalDateTime(parseLegalDateTime(t)! + h * 60);
  test('hour periods cross days, months and leap days on integer minutes', () => {
    expect(addHours('2025-03-03 09:30', 24)).toBe('2025-03-04 09:30');
    expect(addHours('2024-02-28 23:15', 24)).toBe('2024-02-29 23:15');
    expect(addHours('2025-12-31 20:00', 5)).toBe('2026-01-01 01:00');
    expect(addHours('2025-03-01 01:00', -2)).toBe('2025-02-28 23:00');
    expect(parseLegalDateTime('2025-03-01 24:00')).toBeUndefined();
    expect(parseLegalDateTime('2025-02-29 10:00')).toBeUndefined();
  });
});

describe('time-zone independence', () => {
  const original = process.env.TZ;
  afterAll(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  test('the same answers under UTC-12, America/Los_Angeles, Asia/Shanghai and UTC+14', () => {
    const reqs: PeriodRequest[] = [
      { start: '2025-01-24', amount: 5, unit: 'workday' },
      { start: '2024-11-30', amount: 3, unit: 'month' },
      { start: '2025-09-20', amount: 15, unit: 'day' },
      { start: '2025-10-13', amount: 7, unit: 'workday', direction: 'backward' },
    ];
    const answers = (tz: string) => {
      process.env.TZ = tz;
      return JSON.stringify([reqs.map((r) => cal.computePeriod(r)), cal.dayInfo('2025-01-01'), formatLegalDateTime(parseLegalDateTime('2025-03-09 01:30')! + 60)]);
    };
    const base = answers('Asia/Shanghai');
    expect(answers('America/Los_Angeles')).toBe(base);
    expect(answers('Etc/GMT+12')).toBe(base);
    expect(answers('Pacific/Kiritimati')).toBe(base);
  });
});
