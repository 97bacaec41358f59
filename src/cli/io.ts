/** What a command may touch: its output streams and working folder (tests pass in-memory ones). */
export interface CliStream {
  write(chunk: string): unknown;
  /** a terminal: progress redraws one line; otherwise plain progress lines */
  isTTY?: boolean;
  columns?: number;
}

export interface CliIO {
  stdout: CliStream;
  stderr: CliStream;
  /** folder relative paths are resolved against (default: process.cwd()) */
  cwd?: string;
}

/** Exit codes (documented in docs/cli.md). */
export const EXIT = {
  /** clean / completed */
  OK: 0,
  /** check: a finding of severity veto or error (with --strict: also warning) */
  FINDINGS: 1,
  /** bad input or usage: missing or malformed file, validation errors, unknown option, unknown sheet */
  BAD_INPUT: 2,
  /** an unexpected internal error (a bug: please report the printed stack) */
  INTERNAL: 3,
} as const;

/** An in-memory stream (tests). */
export class BufferStream implements CliStream {
  private chunks: string[] = [];
  constructor(
    readonly isTTY = false,
    readonly columns = 80,
  ) {}
  write(chunk: string): boolean {
    this.chunks.push(chunk);
    return true;
  }
  text(): string {
    return this.chunks.join('');
  }
}
