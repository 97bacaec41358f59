/**
 * rules-catalog §f4 — the 23 worked examples, each against the 2024–2026 State Council schedules (§f5).
 * Where the catalog gives two answers (party roll vs strict, with/without exclusion) both are tested.
 */
import { defaultCalendar, type PeriodRequest } from '../../src/core/calendar';

const cal = defaultCalendar();

interface Row {
  no: string;
  req: PeriodRequest;
  end: string;
  arithmeticEnd?: string;
  rolled?: boolean;
}

const rows: Row[] = [
  // #1 三个月, 2024-11-30: 2025-02-30 does not exist → month end (民法典第202条); a Friday, so no roll either way
  { no: '1 party', req: { start: '2024-11-30', amount: 3, unit: 'month', roll: 'party' }, end: '2025-02-28', rolled: false },
  { no: '1 strict', req: { start: '2024-11-30', amount: 3, unit: 'month', roll: 'strict' }, end: '2025-02-28' },
  // #2 九十日 from the same start: the same day, by coincidence
  { no: '2', req: { start: '2024-11-30', amount: 90, unit: 'day', roll: 'strict' }, end: '2025-02-28' },
  // #3 立案 2024-07-01: 九十日 ends on 2024-09-29, a Sunday that is a 调休上班日 → no roll under either policy
  { no: '3 90d party', req: { start: '2024-07-01', amount: 90, unit: 'day', roll: 'party' }, end: '2024-09-29', rolled: false },
  { no: '3 90d strict', req: { start: '2024-07-01', amount: 90, unit: 'day', roll: 'strict' }, end: '2024-09-29' },
  // … 三个月 ends on 2024-10-01 (国庆) → 2024-10-08 rolled, 2024-10-01 strict
  {
    no: '3 3m party',
    req: { start: '2024-07-01', amount: 3, unit: 'month', roll: 'party' },
    end: '2024-10-08',
    arithmeticEnd: '2024-10-01',
    rolled: true,
  },
  { no: '3 3m strict', req: { start: '2024-07-01', amount: 3, unit: 'month', roll: 'strict' }, end: '2024-10-01', rolled: false },
  // #4 决定书 2024-09-27, 7 working days (09-29 and 10-12 are 调休上班日)
  { no: '4', req: { start: '2024-09-27', amount: 7, unit: 'workday' }, end: '2024-10-12' },
  // #5 听证告知 2025-01-24, 5 working days across 春节
  { no: '5', req: { start: '2025-01-24', amount: 5, unit: 'workday', basis: '行政处罚法第64条第1款第1项、第85条' }, end: '2025-02-07' },
  // #6 听证 2025-10-13, 七日前通知 (conservative, the default)
  { no: '6', req: { start: '2025-10-13', amount: 7, unit: 'workday', direction: 'backward' }, end: '2025-09-26' },
  {
    no: '6 explicit conservative',
    req: { start: '2025-10-13', amount: 7, unit: 'workday', direction: 'backward', backwardReading: 'conservative' },
    end: '2025-09-26',
  },
  // #7 签收 2025-09-20, 15日缴款: 2025-10-05 in 国庆中秋 → 2025-10-09
  { no: '7 party', req: { start: '2025-09-20', amount: 15, unit: 'day', roll: 'party' }, end: '2025-10-09', arithmeticEnd: '2025-10-05', rolled: true },
  // #9 限制生产三个月, 2025-11-30 → 2026-02-28 (Saturday, 调休上班日: no roll)
  { no: '9 party', req: { start: '2025-11-30', amount: 3, unit: 'month', roll: 'party' }, end: '2026-02-28', rolled: false },
  { no: '9 strict', req: { start: '2025-11-30', amount: 3, unit: 'month', roll: 'strict' }, end: '2026-02-28' },
  // #10 追责时效二年, 2024-02-29 → 2026-02-28 (no 02-29), not rolled
  { no: '10', req: { start: '2024-02-29', amount: 2, unit: 'year', roll: 'strict' }, end: '2026-02-28' },
  // #11 线索 2025-09-21, 15日立案: 10-09 with roll, 10-06 without
  { no: '11 party', req: { start: '2025-09-21', amount: 15, unit: 'day', roll: 'party' }, end: '2025-10-09', arithmeticEnd: '2025-10-06', rolled: true },
  { no: '11 strict', req: { start: '2025-09-21', amount: 15, unit: 'day', roll: 'strict' }, end: '2025-10-06', rolled: false },
  // #12 查封 2026-01-20, 30日: 02-19 strict / 02-24 rolled (春节 02-15~02-23); extension +30 from 02-19: 03-21 / 03-23
  { no: '12 strict', req: { start: '2026-01-20', amount: 30, unit: 'day', roll: 'strict' }, end: '2026-02-19' },
  { no: '12 party', req: { start: '2026-01-20', amount: 30, unit: 'day', roll: 'party' }, end: '2026-02-24', rolled: true },
  { no: '12 ext strict', req: { start: '2026-02-19', amount: 30, unit: 'day', roll: 'strict' }, end: '2026-03-21' },
  { no: '12 ext party', req: { start: '2026-02-19', amount: 30, unit: 'day', roll: 'party' }, end: '2026-03-23', rolled: true },
  // #13 立案 2025-03-03, 九十日: 06-01 without exclusion (strict); with 检测 15 日 excluded: 06-16
  { no: '13 no exclusion strict', req: { start: '2025-03-03', amount: 90, unit: 'day', roll: 'strict' }, end: '2025-06-01' },
  {
    no: '13 exclusion',
    req: {
      start: '2025-03-03',
      amount: 90,
      unit: 'day',
      roll: 'strict',
      exclusions: [{ from: '2025-04-01', to: '2025-04-15', reason: '检测' }],
    },
    end: '2025-06-16',
  },
  {
    // the same 15 days straddling the first end date: extending until stable gives the same answer
    no: '13 exclusion straddling the end',
    req: {
      start: '2025-03-03',
      amount: 90,
      unit: 'day',
      roll: 'strict',
      exclusions: [{ from: '2025-05-25', to: '2025-06-08', reason: '鉴定' }],
    },
    end: '2025-06-16',
  },
  // #14 公告 2025-01-20, 经过三十日视为送达
  { no: '14', req: { start: '2025-01-20', amount: 30, unit: 'day' }, end: '2025-02-19' },
  // #15 催告书 2026-02-10, 十日 (行政强制法第69条: working days)
  { no: '15', req: { start: '2026-02-10', amount: 10, unit: 'workday', basis: '行政强制法第54条、第69条' }, end: '2026-03-02' },
  // #16 送达 2025-01-10: 起诉期六个月届满 2025-07-10; +三个月 → 2025-10-10
  { no: '16 起诉期', req: { start: '2025-01-10', amount: 6, unit: 'month' }, end: '2025-07-10' },
  { no: '16 申请期', req: { start: '2025-07-10', amount: 3, unit: 'month' }, end: '2025-10-10' },
  // #17 先行登记保存 2024-04-30, 七日 (05-11 is a 调休上班日)
  { no: '17', req: { start: '2024-04-30', amount: 7, unit: 'workday' }, end: '2024-05-13' },
  // #18 决定书 2026-09-24, 七日送达
  { no: '18', req: { start: '2026-09-24', amount: 7, unit: 'workday' }, end: '2026-10-12' },
  // #19 2026-02-05 收到决定书, 十五日缴款: 02-20 in 春节 → 02-24
  { no: '19', req: { start: '2026-02-05', amount: 15, unit: 'day', roll: 'party' }, end: '2026-02-24', arithmeticEnd: '2026-02-20', rolled: true },
  // #20 听证 2026-02-25, 七日前通知
  { no: '20', req: { start: '2026-02-25', amount: 7, unit: 'workday', direction: 'backward' }, end: '2026-02-09' },
  // #21 复议六十日, 2025-12-31 送达: 2026-03-01 Sunday → 03-02
  { no: '21', req: { start: '2025-12-31', amount: 60, unit: 'day', roll: 'party' }, end: '2026-03-02', arithmeticEnd: '2026-03-01', rolled: true },
  // #22 一个月 from 2024-01-31 (leap) / 2025-01-31
  { no: '22 leap', req: { start: '2024-01-31', amount: 1, unit: 'month', roll: 'strict' }, end: '2024-02-29' },
  { no: '22 common', req: { start: '2025-01-31', amount: 1, unit: 'month', roll: 'strict' }, end: '2025-02-28' },
];

describe('rules-catalog §f4 worked examples', () => {
  test.each(rows)('#$no', ({ req, end, arithmeticEnd, rolled }) => {
    const r = cal.computePeriod(req);
    expect(r.status).toBe('ok');
    expect(r.end).toBe(end);
    if (arithmeticEnd !== undefined) expect(r.arithmeticEnd).toBe(arithmeticEnd);
    if (rolled !== undefined) expect(r.rolled).toBe(rolled);
    expect(r.explanation.length).toBeGreaterThan(3);
  });

  test('#3: the two units differ by 9 days; the 调休 Sunday is explained', () => {
    const days = cal.computePeriod({ start: '2024-07-01', amount: 90, unit: 'day', roll: 'party' });
    const months = cal.computePeriod({ start: '2024-07-01', amount: 3, unit: 'month', roll: 'party' });
    expect(days.explanation.join('\n')).toContain('调休上班日');
    expect(days.explanation.join('\n')).toContain('不顺延');
    expect(months.explanation.join('\n')).toContain('民法典第203条');
    expect(months.explanation.join('\n')).toContain('2024-10-01至2024-10-07 国庆节放假');
  });

  test('#4: a Mon–Fri-only implementation would say 10-15, one ignoring holidays 10-08', () => {
    const r = cal.computePeriod({ start: '2024-09-27', amount: 7, unit: 'workday' });
    const text = r.explanation.join('\n');
    expect(text).toContain('2024-09-29（星期日） 国庆节调休上班日，计为第1个工作日');
    expect(text).toContain('2024-10-12（星期六） 国庆节调休上班日，计为第7个工作日');
    expect(text).toContain('2024-10-01至2024-10-07 国庆节放假，不计入');
  });

  test('#5: explanation names the start, the statute, the 调休 day and the 春节 block', () => {
    const r = cal.computePeriod({ start: '2025-01-24', amount: 5, unit: 'workday', basis: '行政处罚法第64条第1款第1项、第85条' });
    expect(r.explanation).toEqual([
      '起算事件日：2025-01-24（星期五），当日不计入，自次日起算（民法典第201条）',
      '期间：5个工作日，只计工作日（调休上班日计入，周末和放假调休日不计入）',
      '行政处罚法第85条："五日"指工作日，不含法定节假日',
      '依据：行政处罚法第64条第1款第1项、第85条',
      '2025-01-26（星期日） 春节调休上班日，计为第1个工作日',
      '2025-01-28至2025-02-04 春节放假，不计入',
      '其间普通周六、周日共 1 天，不计入',
      '第5个工作日：2025-02-07（星期五）',
      '工作日期间止于工作日，不发生顺延',
      '届满日：2025-02-07（星期五）',
    ]);
  });

  test('#6 and #20: the inclusive reading is never earlier than the conservative one and says which reading', () => {
    const c6 = cal.computePeriod({ start: '2025-10-13', amount: 7, unit: 'workday', direction: 'backward' });
    const i6 = cal.computePeriod({ start: '2025-10-13', amount: 7, unit: 'workday', direction: 'backward', backwardReading: 'inclusive' });
    expect(c6.explanation.join('\n')).toContain('保守口径');
    // from 2025-09-27 (a Saturday) the 7th working day is 2025-10-13 itself
    expect(i6.end).toBe('2025-09-27');
    expect(i6.explanation.join('\n')).toContain('宽松口径');
    expect(i6.explanation.join('\n')).toContain('如须在工作日完成，最迟为 2025-09-26');
    const i20 = cal.computePeriod({ start: '2026-02-25', amount: 7, unit: 'workday', direction: 'backward', backwardReading: 'inclusive' });
    expect(i20.end).toBe('2026-02-09');
    expect(i20.explanation.join('\n')).toContain('宽松口径与保守口径结果相同');
  });

  test('#7: the roll cites 民法典第203条 and names the holiday block', () => {
    const r = cal.computePeriod({ start: '2025-09-20', amount: 15, unit: 'day', roll: 'party' });
    const text = r.explanation.join('\n');
    expect(text).toContain('2025-10-05 为休息日（2025-10-01至2025-10-08 国庆节、中秋节放假期间）');
    expect(text).toContain('民法典第203条');
    expect(r.explanation[r.explanation.length - 1]).toBe('届满日：2025-10-09（星期四）');
  });

  test('#12: strict keeps the 春节 end date and says so', () => {
    const r = cal.computePeriod({ start: '2026-01-20', amount: 30, unit: 'day', roll: 'strict' });
    const text = r.explanation.join('\n');
    expect(text).toContain('2026-02-19 为休息日（2026-02-15至2026-02-23 春节放假期间）');
    expect(text).toContain('严格口径');
    expect(r.rolled).toBe(false);
  });

  test('#13: without exclusion the party roll moves 06-01 (端午) to 06-03; the exclusion is explained', () => {
    expect(cal.computePeriod({ start: '2025-03-03', amount: 90, unit: 'day', roll: 'party' }).end).toBe('2025-06-03');
    const r = cal.computePeriod({
      start: '2025-03-03',
      amount: 90,
      unit: 'day',
      roll: 'strict',
      exclusions: [{ from: '2025-04-01', to: '2025-04-15', reason: '检测' }],
    });
    expect(r.explanation.join('\n')).toContain('扣除：2025-04-01至2025-04-15 检测（起止日均扣除），其中 15 日落在期间内，不计入');
    expect(r.explanation.join('\n')).toContain('由 2025-06-01 延至 2025-06-16');
  });

  test('#15: the earliest day to apply to the court is the day after the 10-working-day period', () => {
    const r = cal.computePeriod({ start: '2026-02-10', amount: 10, unit: 'workday', basis: '行政强制法第54条、第69条' });
    expect(r.explanation.join('\n')).toContain('行政强制法第69条');
    expect(r.explanation.join('\n')).toContain('2026-02-28（星期六） 春节调休上班日，计为第9个工作日');
    expect(cal.dayInfo('2026-03-03').isWorkday).toBe(true);
  });

  test('#23: 按日连续处罚 计罚日数 from the day after service to the re-inspection day is 17', () => {
    expect(cal.countDaysInclusive('2025-03-04', '2025-03-20')).toBe(17);
    expect(cal.countDaysInclusive('2025-03-20', '2025-03-20')).toBe(1);
    expect(cal.countDaysInclusive('2025-03-21', '2025-03-20')).toBe(0);
  });
});
