import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { renderReviewReport, type ReviewReportInput } from '../core/report';
import { startWorker } from '../core/worker-thread';

/**
 * | variable        | default                         | meaning                                                     |
 * |-----------------|---------------------------------|-------------------------------------------------------------|
 * | REPORT_WORKERS  | cores − 1 (at least 1, at most 4) | worker threads that render report PDFs (`0` = the main thread) |
 * | REPORT_CACHE_MB | 64                              | memory for rendered PDFs of stored reviews (`0` = no cache) |
 */
export interface ReportRenderOptions {
  workers: number;
  cacheBytes: number;
}

export const REPORT_RENDER_OPTIONS = Symbol('REPORT_RENDER_OPTIONS');

export function loadReportRenderOptions(env: NodeJS.ProcessEnv = process.env): ReportRenderOptions {
  const workers = Number.parseInt(env.REPORT_WORKERS ?? '', 10);
  const mb = Number.parseFloat(env.REPORT_CACHE_MB ?? '');
  return {
    workers: Number.isInteger(workers) && workers >= 0 ? workers : Math.max(1, Math.min(4, availableParallelism() - 1)),
    cacheBytes: (Number.isFinite(mb) && mb >= 0 ? mb : 64) * 1024 * 1024,
  };
}

export interface CachedReport {
  pdf: Uint8Array;
  fileName: string;
}

interface Job {
  seq: number;
  input: ReviewReportInput;
  resolve: (pdf: Uint8Array) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  job?: Job;
}

/**
 * Renders report PDFs on worker threads, so a report being laid out never holds up other requests, and keeps the
 * PDFs of stored reviews in a bounded LRU cache. A cache key names everything the PDF depends on (review id,
 * sheet id and version, whether the case changed since); concurrent requests for the same key share one render.
 */
@Injectable()
export class ReportRenderer implements OnModuleDestroy {
  private readonly logger = new Logger('ReportRenderer');
  private readonly slots: Slot[] = [];
  private readonly waiting: Job[] = [];
  private seq = 0;
  private closed = false;
  /** insertion order = recency (Map iteration order) */
  private readonly cache = new Map<string, CachedReport>();
  private cachedBytes = 0;
  private readonly inFlight = new Map<string, Promise<CachedReport>>();
  /** counters for tests and the bench; `threads` = the worker threads that rendered */
  readonly stats = { renders: 0, hits: 0, threads: new Set<number>() };

  constructor(@Inject(REPORT_RENDER_OPTIONS) private readonly options: ReportRenderOptions) {}

  /** The report for `key` from the cache, else made (once, however many ask at the same time) and cached. */
  async cached(key: string, make: () => Promise<CachedReport>): Promise<CachedReport> {
    const hit = this.cache.get(key);
    if (hit) {
      this.stats.hits++;
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    const pending = this.inFlight.get(key);
    if (pending) {
      this.stats.hits++;
      return pending;
    }
    const render = make().then((report) => {
      this.remember(key, report);
      return report;
    });
    this.inFlight.set(key, render);
    try {
      return await render;
    } finally {
      this.inFlight.delete(key);
    }
  }

  /** Render without caching (reports of case files sent in the body). */
  render(input: ReviewReportInput): Promise<Uint8Array> {
    this.stats.renders++;
    if (this.options.workers === 0) return renderReviewReport(input);
    if (this.closed) return Promise.reject(new Error('报告渲染线程已关闭'));
    return new Promise<Uint8Array>((resolve, reject) => {
      this.waiting.push({ seq: ++this.seq, input, resolve, reject });
      this.dispatch();
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    for (const job of this.waiting.splice(0)) job.reject(new Error('服务正在停止，报告未生成'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots.length = 0;
  }

  private remember(key: string, report: CachedReport): void {
    if (report.pdf.byteLength > this.options.cacheBytes) return;
    this.cache.set(key, report);
    this.cachedBytes += report.pdf.byteLength;
    for (const [k, v] of this.cache) {
      if (this.cachedBytes <= this.options.cacheBytes) break;
      this.cache.delete(k);
      this.cachedBytes -= v.pdf.byteLength;
    }
  }

  private dispatch(): void {
    while (this.waiting.length) {
      let slot = this.slots.find((s) => !s.job);
      if (!slot && this.slots.length < this.options.workers) slot = this.startSlot();
      if (!slot) return;
      const job = this.waiting.shift()!;
      slot.job = job;
      slot.worker.ref();
      slot.worker.postMessage({ seq: job.seq, input: job.input });
    }
  }

  private startSlot(): Slot {
    const slot: Slot = { worker: startWorker(__dirname, 'report-render.worker') };
    slot.worker.unref(); // an idle renderer does not keep the process alive
    slot.worker.on('message', (msg: { seq: number; pdf?: Uint8Array; error?: string; threadId?: number }) => {
      if (msg.threadId !== undefined) this.stats.threads.add(msg.threadId);
      const job = slot.job;
      slot.job = undefined;
      slot.worker.unref();
      if (job && job.seq === msg.seq) {
        if (msg.pdf) job.resolve(new Uint8Array(msg.pdf.buffer, msg.pdf.byteOffset, msg.pdf.byteLength));
        else job.reject(new Error(msg.error ?? '报告渲染失败'));
      }
      this.dispatch();
    });
    const lost = (e: Error) => {
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
      slot.job?.reject(e);
      slot.job = undefined;
      if (!this.closed) {
        this.logger.error(`报告渲染线程退出：${e.message}`);
        this.dispatch();
      }
    };
    slot.worker.on('error', lost);
    slot.worker.on('exit', (code) => lost(new Error(`报告渲染线程退出（退出码 ${code}）`)));
    this.slots.push(slot);
    return slot;
  }
}
