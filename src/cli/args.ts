/**
 * A small hand-written argument parser (no dependency): `--flag`, `--name value`, `--name=value`, `-h`, and `--`
 * (everything after it is positional). Unknown options and missing values are usage errors (exit code 2).
 */
import { legalDateProblem } from '../core/case-file/calendar-date';

export interface OptionSpec {
  /** option takes a value */
  value?: boolean;
  /** short alias, e.g. 'o' for -o */
  short?: string;
}

export interface ParsedArgs {
  positionals: string[];
  flags: Set<string>;
  values: Map<string, string>;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function parseArgs(argv: string[], spec: Record<string, OptionSpec>): ParsedArgs {
  const out: ParsedArgs = { positionals: [], flags: new Set(), values: new Map() };
  const byShort = new Map(Object.entries(spec).filter(([, s]) => s.short).map(([name, s]) => [s.short!, name]));
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    if (arg === '--') {
      out.positionals.push(...argv.slice(k + 1));
      break;
    }
    let name: string | undefined;
    let inline: string | undefined;
    if (arg.startsWith('--') && arg.length > 2) {
      const eq = arg.indexOf('=');
      name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq === -1 ? undefined : arg.slice(eq + 1);
    } else if (arg.startsWith('-') && arg.length === 2 && arg !== '-') {
      name = byShort.get(arg[1]);
      if (!name) throw new UsageError(`未知选项：${arg}`);
    } else {
      out.positionals.push(arg);
      continue;
    }
    const s = spec[name];
    if (!s) throw new UsageError(`未知选项：--${name}`);
    if (s.value) {
      const v = inline ?? argv[++k];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new UsageError(`选项 --${name} 需要一个值`);
      out.values.set(name, v);
    } else {
      if (inline !== undefined) throw new UsageError(`选项 --${name} 不接受值`);
      out.flags.add(name);
    }
  }
  return out;
}

/** A real calendar date YYYY-MM-DD (no time-zone involved). */
export function parseDateOption(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (legalDateProblem(value) !== null) throw new UsageError(`--${name} 须为 YYYY-MM-DD 格式的有效日期：${value}`);
  return value;
}
