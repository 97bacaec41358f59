/**
 * Progress on stderr. On a terminal one line is redrawn (`\r`), at most every 100 ms; otherwise (CI logs, pipes)
 * a plain line is printed at each 10% step, so logs stay short.
 */
import type { CliStream } from './io';

export interface ProgressReporter {
  update(done: number, total: number, failed: number): void;
  finish(done: number, total: number, failed: number): void;
}

export function createProgress(stream: CliStream, label: string, now: () => number = Date.now): ProgressReporter {
  if (stream.isTTY) {
    let last = 0;
    const draw = (done: number, total: number, failed: number) => {
      const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 45));
      const ratio = total > 0 ? Math.min(1, done / total) : 1;
      const filled = Math.round(ratio * width);
      const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
      stream.write(`\r${label} ${bar} ${String(Math.floor(ratio * 100)).padStart(3)}% ${done}/${total}${failed ? ` 失败 ${failed}` : ''}\x1b[K`);
    };
    return {
      update(done, total, failed) {
        const t = now();
        if (t - last < 100 && done < total) return;
        last = t;
        draw(done, total, failed);
      },
      finish(done, total, failed) {
        draw(done, total, failed);
        stream.write('\n');
      },
    };
  }
  let nextStep = 1;
  return {
    update(done, total, failed) {
      if (total <= 0) return;
      const step = Math.floor((done / total) * 10);
      if (step >= nextStep && done < total) {
        nextStep = step + 1;
        stream.write(`${label} ${done}/${total}（${step * 10}%）${failed ? ` 失败 ${failed}` : ''}\n`);
      }
    },
    finish(done, total, failed) {
      stream.write(`${label} ${done}/${total}（100%）${failed ? ` 失败 ${failed}` : ''}\n`);
    },
  };
}
