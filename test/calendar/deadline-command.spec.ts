/**
 * casefile deadline / casefile day (src/cli/deadline-command.ts), run in-process.
 */
import { runDayCommand, runDeadlineCommand } from '../../src/cli/deadline-command';
import { toDays, weekdayName } from '../../src/core/calendar';
import { LAST_COVERED_YEAR, NO_SCHEDULE_YEAR } from '../support/holiday-coverage';

function run(args: string[]) {
  let out = '';
  let err = '';
  const code = runDeadlineCommand(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('casefile deadline', () => {
  test('working days across 春节, Chinese output with numbered steps (catalog #5)', () => {
    const r = run(['deadline', '2025-01-24', '5', 'workday', '--basis', '行政处罚法第64条第1款第1项、第85条']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('届满日：2025-02-07（星期五）');
    expect(r.out).toContain('2025-01-28至2025-02-04 春节放假，不计入');
    expect(r.out).toContain('行政处罚法第85条');
    expect(r.out).toMatch(/节假日数据：chinese-days@/);
  });

  test('Chinese unit words; the roll is shown (catalog #7)', () => {
    const r = run(['deadline', '2025-09-20', '15', '日']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('届满日：2025-10-09（星期四）  （由 2025-10-05 顺延）');
    expect(r.out).toContain('民法典第203条');
  });

  test('--strict keeps the arithmetic end (catalog #11)', () => {
    const r = run(['deadline', '2025-09-21', '15', 'day', '--strict']);
    expect(r.out).toContain('届满日：2025-10-06（星期一）');
    expect(r.out).toContain('严格口径');
  });

  test('--backward, conservative and --inclusive (catalog #6)', () => {
    expect(run(['deadline', '2025-10-13', '7', '工作日', '--backward']).out).toContain('最迟日：2025-09-26（星期五）');
    expect(run(['deadline', '2025-10-13', '7', '工作日', '--backward', '--inclusive']).out).toContain('最迟日：2025-09-27（星期六）');
  });

  test('--exclude extends the period (catalog #13); the command name may be left out', () => {
    const r = run(['2025-03-03', '90', 'day', '--strict', '--exclude', '2025-04-01..2025-04-15:检测']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('届满日：2025-06-16（星期一）');
    expect(r.out).toContain('检测（起止日均扣除）');
  });

  test('--json gives the API shape', () => {
    const r = run(['deadline', '2024-11-30', '3', '月', '--json']);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.out);
    expect(body).toMatchObject({ status: 'ok', end: '2025-02-28', rolled: false, missingYears: [] });
    expect(body.request).toMatchObject({ start: '2024-11-30', amount: 3, unit: 'month' });
    expect(Array.isArray(body.explanation)).toBe(true);
  });

  test('a missing year: exit 0 with "无法确定" and status undeterminable', () => {
    const start = `${LAST_COVERED_YEAR}-12-28`;
    const r = run(['deadline', start, '7', 'workday']);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`届满日：无法确定 —— 缺少 ${NO_SCHEDULE_YEAR} 年国务院放假调休安排`);
    expect(JSON.parse(run(['deadline', start, '7', 'workday', '--json']).out)).toMatchObject({
      status: 'undeterminable',
      end: null,
      missingYears: [NO_SCHEDULE_YEAR],
    });
  });

  test.each([
    [['deadline', '2025-02-30', '5', 'day'], '日期不存在'],
    [['deadline', '2025-02-03', '-5', 'day'], '期间数额须为正整数：-5'],
    [['deadline', '2025-02-03', '1.5', 'day'], '期间数额须为正整数：1.5'],
    [['deadline', '2025-02-03', '5', 'week'], '期间单位无效：week'],
    [['deadline', '2025-02-03', '5'], '需要 3 个参数'],
    [['deadline'], '需要 3 个参数'],
    [['deadline', '2025-02-03', '5', 'day', '--soon'], '未知选项：--soon'],
    [['deadline', '2025-02-03', '5', 'day', '--basis'], '选项 --basis 需要一个值'],
    [['deadline', '2025-02-03', '5', 'day', '--inclusive'], '--inclusive 只用于倒数期间'],
    [['deadline', '2025-02-03', '5', 'day', '--exclude', '2025-04-01:检测'], '扣除期间格式应为'],
    [['deadline', '2025-02-03', '5', 'day', '--exclude', '2025-04-15..2025-04-01:检测'], '晚于止日'],
  ])('exit 2 for %j', (args, message) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('参数有误');
    expect(r.err).toContain(message);
    expect(r.err).toContain('用法：casefile deadline');
  });

  test('--help prints the syntax and exits 0', () => {
    const r = run(['deadline', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('用法：casefile deadline <起算日> <数额> <单位>');
  });

  test('works with the CLI stream pair { stdout, stderr }', () => {
    const chunks: string[] = [];
    const code = runDeadlineCommand(['deadline', '2025-01-20', '30', 'day'], {
      stdout: { write: (s: string) => chunks.push(s) },
      stderr: { write: () => true },
    });
    expect(code).toBe(0);
    expect(chunks.join('')).toContain('届满日：2025-02-19（星期三）');
  });
});

describe('casefile day', () => {
  test('a 调休上班日 with its holiday name', () => {
    const r = run(['day', '2025-10-11']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('2025-10-11（星期六）：调休上班日（工作日） —— 国庆节、中秋节');
    expect(r.out).toContain('国办发明电〔2024〕12号');
  });

  test('--json, a holiday', () => {
    const body = JSON.parse(run(['day', '2026-02-16', '--json']).out);
    expect(body).toMatchObject({ kind: 'holiday', name: '春节', isWorkday: false, kindLabel: '休息日（法定节假日放假调休）' });
  });

  test('a year without data says it cannot tell', () => {
    const day = `${NO_SCHEDULE_YEAR}-05-01`;
    const r = run(['day', day]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${day}（${weekdayName(toDays(day))}）：无法判断`);
  });

  test.each([[['2025-02-30']], [[]], [['2025-01-01', '2025-01-02']], [['2025-01-01', '--x']]])('exit 2 for %j', (args) => {
    let err = '';
    const code = runDayCommand(args, { out: () => undefined, err: (s) => (err += s) });
    expect(code).toBe(2);
    expect(err).toContain('用法：casefile day');
  });
});
