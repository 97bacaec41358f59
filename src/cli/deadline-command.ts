/**
 * casefile deadline / casefile day — the legal calendar on the command line (期间计算、日期查询).
 *
 *   casefile deadline <起算日> <数额> <单位> [--backward] [--strict] [--inclusive] [--basis 依据]
 *                     [--exclude 起日..止日:事由]… [--json]
 *   casefile day <日期> [--json]
 *
 * 单位: day|日|天, workday|工作日, month|月|个月, year|年. Exit codes: 0 answered (including "无法确定" when a
 * year's holiday schedule is missing — the output says so and --json gives status "undeterminable"),
 * 2 bad input. Pure core code: no Nest, no database.
 */
import {
  CalendarInputError,
  DAY_KIND_LABELS,
  defaultCalendar,
  parseDeadlineQuery,
  type ExcludedInterval,
  type LegalCalendarApi,
  type PeriodRequest,
} from '../core/calendar';
import type { ValidationIssue } from '../core/case-file/validation-issue';

/** Either a pair of line writers, or the CLI's stream pair ({ stdout, stderr } with write()). */
export type DeadlineCommandIO =
  | { out(s: string): void; err(s: string): void }
  | { stdout: { write(chunk: string): unknown }; stderr: { write(chunk: string): unknown } };

export interface DeadlineCommandDeps {
  calendar?: LegalCalendarApi;
}

const EXIT_OK = 0;
const EXIT_BAD_INPUT = 2;

export const DEADLINE_HELP = `casefile deadline — 期间计算（届满日 / 倒数期间的最迟日）

用法：casefile deadline <起算日> <数额> <单位> [选项]

  起算日   起算事件日 YYYY-MM-DD（当日不计入，民法典第201条）；倒数时为目标日（如听证日）
  数额     正整数
  单位     day|日|天   日历日（节假日照常计入）
           workday|工作日   工作日（调休上班日计入，放假调休日和周末不计入）
           month|月|个月   月（到期月对应日，无对应日取月末，民法典第202条）
           year|年   年

选项：
  --backward            向前倒数（"举行听证的七日前"），求最迟日
  --inclusive           倒数的宽松口径（默认保守口径）
  --strict              严格口径：末日遇休息日不顺延（机关自身期限）；默认按当事人期间顺延（民法典第203条）
  --basis 依据          写入计算说明，如 --basis "行政处罚法第64条第1款第1项、第85条"
  --exclude 起日..止日:事由   扣除期间（中止、检测、鉴定……，起止日均扣除），可重复
  --json                输出 JSON（与 GET /api/calendar/deadline 相同）
  -h, --help            显示本帮助

示例：
  casefile deadline 2025-01-24 5 workday --basis "行政处罚法第64条第1款第1项、第85条"
  casefile deadline 2025-09-20 15 日
  casefile deadline 2025-10-13 7 工作日 --backward
  casefile deadline 2025-03-03 90 day --strict --exclude 2025-04-01..2025-04-15:检测

退出码：0 已计算（缺少某年放假安排时输出"无法确定"）；2 参数有误。
`;

export const DAY_HELP = `casefile day — 查询某日是工作日、休息日还是调休上班日

用法：casefile day <日期 YYYY-MM-DD> [--json]

退出码：0 已查询（缺少该年放假安排时输出"无法判断"）；2 参数有误。
`;

const UNIT_ALIASES: Record<string, PeriodRequest['unit']> = {
  day: 'day',
  days: 'day',
  日: 'day',
  天: 'day',
  workday: 'workday',
  workdays: 'workday',
  工作日: 'workday',
  month: 'month',
  months: 'month',
  月: 'month',
  个月: 'month',
  year: 'year',
  years: 'year',
  年: 'year',
};

interface Writer {
  out(s: string): void;
  err(s: string): void;
}

function writerOf(io: DeadlineCommandIO): Writer {
  if ('out' in io) return io;
  return { out: (s) => void io.stdout.write(s), err: (s) => void io.stderr.write(s) };
}

class BadInput extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    super('bad input');
  }
}

interface Parsed {
  positionals: string[];
  flags: Set<string>;
  values: Map<string, string[]>;
}

/** `--flag`, `--name value`, `--name=value`; a bare "-5" is a positional (so it is reported as a bad amount). */
function parse(args: string[], flags: string[], valued: string[]): Parsed {
  const out: Parsed = { positionals: [], flags: new Set(), values: new Map() };
  for (let k = 0; k < args.length; k++) {
    const arg = args[k];
    if (arg === '-h') {
      out.flags.add('help');
      continue;
    }
    if (!arg.startsWith('--') || arg === '--') {
      if (arg !== '--') out.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (flags.includes(name)) {
      if (eq !== -1) throw new BadInput([{ path: `--${name}`, code: 'UNEXPECTED_VALUE', message: `选项 --${name} 不接受值` }]);
      out.flags.add(name);
    } else if (valued.includes(name)) {
      const value = eq !== -1 ? arg.slice(eq + 1) : args[++k];
      if (value === undefined || (eq === -1 && value.startsWith('--'))) {
        throw new BadInput([{ path: `--${name}`, code: 'MISSING_VALUE', message: `选项 --${name} 需要一个值` }]);
      }
      out.values.set(name, [...(out.values.get(name) ?? []), value]);
    } else {
      throw new BadInput([{ path: arg, code: 'UNKNOWN_OPTION', message: `未知选项：--${name}` }]);
    }
  }
  return out;
}

/** "2025-04-01..2025-04-15:检测" */
function parseExclusion(text: string, index: number): ExcludedInterval | ValidationIssue {
  const m = /^([^.:]+)\.\.([^:]+):(.+)$/.exec(text.trim());
  if (!m) {
    return { path: `--exclude[${index}]`, code: 'INVALID_EXCLUSION', message: `扣除期间格式应为 起日..止日:事由，如 2025-04-01..2025-04-15:检测（收到：${text}）` };
  }
  return { from: m[1].trim(), to: m[2].trim(), reason: m[3].trim() };
}

function printIssues(w: Writer, issues: ValidationIssue[], usage: string): void {
  w.err('参数有误：\n');
  for (const i of issues) w.err(`  - ${i.path ? `${i.path}：` : ''}${i.message}\n`);
  w.err(`${usage}\n`);
}

/**
 * `args` are the words after `casefile`, starting with the command name ('deadline' or 'day'); the command name
 * may also be left out (then it is 'deadline').
 */
export function runDeadlineCommand(args: string[], io: DeadlineCommandIO, deps: DeadlineCommandDeps = {}): number {
  const w = writerOf(io);
  const [head, ...rest] = args;
  if (head === 'day') return runDayCommand(rest, w, deps);
  const words = head === 'deadline' ? rest : args;
  const usage = '用法：casefile deadline <起算日> <数额> <单位> [--backward] [--strict] [--inclusive] [--basis 依据] [--exclude 起日..止日:事由] [--json]（--help 查看说明）';
  return exitOnBadInput(w, usage, () => {
    const p = parse(words, ['backward', 'strict', 'inclusive', 'json', 'help'], ['basis', 'exclude']);
    if (p.flags.has('help')) {
      w.out(DEADLINE_HELP);
      return EXIT_OK;
    }
    const issues: ValidationIssue[] = [];
    if (p.positionals.length !== 3) {
      issues.push({
        path: '',
        code: 'WRONG_ARGUMENT_COUNT',
        message: `需要 3 个参数（起算日 数额 单位），收到 ${p.positionals.length} 个${p.positionals.length ? `：${p.positionals.join(' ')}` : ''}`,
      });
      printIssues(w, issues, usage);
      return EXIT_BAD_INPUT;
    }
    const [start, amount, unitWord] = p.positionals;
    const unit = UNIT_ALIASES[unitWord.toLowerCase()] ?? unitWord;
    if (p.flags.has('inclusive') && !p.flags.has('backward')) {
      issues.push({ path: '--inclusive', code: 'INCLUSIVE_WITHOUT_BACKWARD', message: '--inclusive 只用于倒数期间，请同时给出 --backward' });
    }
    const query: Record<string, unknown> = {
      start,
      amount,
      unit,
      direction: p.flags.has('backward') ? 'backward' : 'forward',
      roll: p.flags.has('strict') ? 'strict' : 'party',
      reading: p.flags.has('inclusive') ? 'inclusive' : 'conservative',
    };
    const basis = p.values.get('basis');
    if (basis) query.basis = basis[basis.length - 1];
    const parsed = parseDeadlineQuery(query);
    const exclusions: ExcludedInterval[] = [];
    (p.values.get('exclude') ?? []).forEach((text, i) => {
      const x = parseExclusion(text, i);
      if ('code' in x) issues.push(x);
      else exclusions.push(x);
    });
    if (!parsed.ok) issues.push(...parsed.errors.map((e) => ({ ...e, path: cliPath(e.path) })));
    if (issues.length || !parsed.ok) {
      printIssues(w, issues, usage);
      return EXIT_BAD_INPUT;
    }
    const request: PeriodRequest = exclusions.length ? { ...parsed.value, exclusions } : parsed.value;
    const calendar = deps.calendar ?? defaultCalendar();
    let result;
    try {
      result = calendar.computePeriod(request);
    } catch (e) {
      if (!(e instanceof CalendarInputError)) throw e;
      printIssues(w, e.issues.map((i) => ({ ...i, path: i.path.replace(/^exclusions/, '--exclude') })), usage);
      return EXIT_BAD_INPUT;
    }
    if (p.flags.has('json')) {
      const body = {
        request,
        status: result.status,
        end: result.end ?? null,
        arithmeticEnd: result.arithmeticEnd ?? null,
        rolled: result.rolled ?? false,
        missingYears: result.missingYears ?? [],
        explanation: result.explanation,
        dataVersion: calendar.dataVersion(),
      };
      w.out(`${JSON.stringify(body, null, 2)}\n`);
      return EXIT_OK;
    }
    const label = request.direction === 'backward' ? '最迟日' : '届满日';
    if (result.status === 'ok') {
      w.out(`${label}：${result.end}（${weekdayOf(calendar, result.end!)}）${result.rolled ? `  （由 ${result.arithmeticEnd} 顺延）` : ''}\n`);
    } else {
      w.out(`${label}：无法确定 —— 缺少 ${(result.missingYears ?? []).join('、')} 年国务院放假调休安排\n`);
    }
    w.out('计算过程：\n');
    result.explanation.forEach((line, i) => w.out(`  ${i + 1}. ${line}\n`));
    w.out(`节假日数据：${calendar.dataVersion()}\n`);
    return EXIT_OK;
  });
}

/** run a command body; a BadInput it throws prints the issues with the usage line and exits 2 */
function exitOnBadInput(w: ReturnType<typeof writerOf>, usage: string, body: () => number): number {
  try {
    return body();
  } catch (e) {
    if (e instanceof BadInput) {
      printIssues(w, e.issues, usage);
      return EXIT_BAD_INPUT;
    }
    throw e;
  }
}

/** `casefile day <日期> [--json]`; `args` are the words after 'day'. */
export function runDayCommand(args: string[], io: DeadlineCommandIO, deps: DeadlineCommandDeps = {}): number {
  const w = writerOf(io);
  const usage = '用法：casefile day <日期 YYYY-MM-DD> [--json]';
  return exitOnBadInput(w, usage, () => {
    const p = parse(args, ['json', 'help'], []);
    if (p.flags.has('help')) {
      w.out(DAY_HELP);
      return EXIT_OK;
    }
    if (p.positionals.length !== 1) {
      printIssues(w, [{ path: '', code: 'WRONG_ARGUMENT_COUNT', message: `需要 1 个日期参数，收到 ${p.positionals.length} 个` }], usage);
      return EXIT_BAD_INPUT;
    }
    const calendar = deps.calendar ?? defaultCalendar();
    let info;
    try {
      info = calendar.dayInfo(p.positionals[0]);
    } catch (e) {
      if (!(e instanceof CalendarInputError)) throw e;
      printIssues(w, e.issues, usage);
      return EXIT_BAD_INPUT;
    }
    const kindLabel = info.kind ? DAY_KIND_LABELS[info.kind] : null;
    if (p.flags.has('json')) {
      w.out(`${JSON.stringify({ ...info, kindLabel, dataVersion: calendar.dataVersion() }, null, 2)}\n`);
      return EXIT_OK;
    }
    if (info.status === 'ok') w.out(`${info.date}（${info.weekday}）：${kindLabel}${info.name ? ` —— ${info.name}` : ''}\n`);
    else w.out(`${info.date}（${info.weekday}）：无法判断\n`);
    for (const line of info.explanation) w.out(`  ${line}\n`);
    return EXIT_OK;
  });
}

/** API field names → the CLI's words */
function cliPath(path: string): string {
  switch (path) {
    case 'start':
      return '起算日';
    case 'amount':
      return '数额';
    case 'unit':
      return '单位';
    case 'basis':
      return '--basis';
    default:
      return path;
  }
}

function weekdayOf(calendar: LegalCalendarApi, date: string): string {
  return calendar.dayInfo(date).weekday;
}
