/**
 * A small pool of worker threads for the CPU-bound part of an evaluation (parse, validate, review, score).
 * Outcomes come back in submission order, so a run with workers writes exactly what a run without them writes.
 *
 * The worker module (worker-main) is started by ../worker-thread.ts, compiled or from the TypeScript sources.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../worker-thread';
import { assessItem, type AssessContext, type FileOutcome } from './assess';
import type { EvaluationItem } from './input';


/** Workers used when the caller names no number: none for small batches (start-up costs more than it saves). */
export function defaultWorkerCount(total: number): number {
  const fromEnv = Number.parseInt(process.env.CASEFILE_WORKERS ?? '', 10);
  if (Number.isInteger(fromEnv) && fromEnv >= 0) return fromEnv;
  const cores = availableParallelism();
  return total >= 200 && cores >= 2 ? Math.min(cores, 4) : 0;
}

interface Pending {
  resolve: (o: FileOutcome) => void;
  reject: (e: Error) => void;
}

class AssessPool {
  private readonly workers: { worker: Worker; inFlight: number }[] = [];
  private readonly pending = new Map<number, Pending>();
  private seq = 0;
  private failure: Error | undefined;

  constructor(count: number, init: { sheetId?: string; asOf: string }) {
    for (let k = 0; k < count; k++) {
      const worker = startWorker(__dirname, 'worker-main', init);
      const slot = { worker, inFlight: 0 };
      worker.on('message', (msg: { seq: number; outcome: FileOutcome }) => {
        slot.inFlight--;
        const p = this.pending.get(msg.seq);
        this.pending.delete(msg.seq);
        p?.resolve(msg.outcome);
      });
      worker.on('error', (e) => this.fail(e));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`评查工作线程异常退出（退出码 ${code}）`));
      });
      this.workers.push(slot);
    }
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }

  run(item: EvaluationItem): Promise<FileOutcome> {
    if (this.failure) return Promise.reject(this.failure);
    const slot = this.workers.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
    const seq = ++this.seq;
    slot.inFlight++;
    return new Promise<FileOutcome>((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      slot.worker.postMessage({ seq, item });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}

/**
 * Assess every item, on `workers` threads (0 = this thread), yielding outcomes in input order. At most a few
 * items per worker are in flight, so memory stays flat however large the input.
 */
export async function* assessAll(
  items: AsyncIterable<EvaluationItem>,
  ctx: AssessContext,
  workers: number,
  sheetId: string | undefined,
): AsyncGenerator<FileOutcome> {
  if (workers <= 0) {
    let n = 0;
    for await (const item of items) {
      yield assessItem(item, ctx);
      // CPU-bound loop: let timers and HTTP requests (progress polling) run between batches
      if (++n % 64 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return;
  }
  const pool = new AssessPool(workers, { sheetId, asOf: ctx.asOf });
  const window: Promise<FileOutcome>[] = [];
  const limit = workers * 8;
  try {
    for await (const item of items) {
      const outcome = pool.run(item);
      outcome.catch(() => undefined); // rejections are seen when the window reaches them
      window.push(outcome);
      if (window.length >= limit) yield await window.shift()!;
    }
    while (window.length) yield await window.shift()!;
  } finally {
    // settle what is still in flight before terminating (no unhandled rejections)
    await Promise.allSettled(window);
    await pool.close();
  }
}
