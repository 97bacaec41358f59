import { Logger } from '@nestjs/common';
import PgBoss from 'pg-boss';

/**
 * Background work (evaluations and the like) by queue name and job key.
 * - PostgreSQL: a shared queue in the database (pg-boss): a job is claimed by exactly one instance, survives
 *   restarts, and is retried with exponential backoff when its handler throws.
 * - SQLite (one instance): an in-process queue, one job at a time in submission order.
 * A handler must be idempotent per key: the evaluation handler claims its row with a lease first
 * (evaluations.service.ts), so a job delivered twice is run once.
 */
export interface JobQueue {
  readonly kind: 'pg-boss' | 'in-process';
  /** Register the handler of a queue and start taking its jobs. */
  work(queue: string, handler: (key: string) => Promise<void>): Promise<void>;
  /** Queue a job; a job with the same key already waiting is not queued twice. */
  send(queue: string, key: string): Promise<void>;
  /** Resolves when no job of this instance is waiting or running (tests, graceful shutdown). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export const JOB_QUEUE = Symbol('JOB_QUEUE');

export interface JobQueueOptions {
  /** retries after a handler failure (exponential backoff from retryDelaySeconds) */
  retryLimit: number;
  retryDelaySeconds: number;
  /** a job still active after this long is given up by the queue and retried (pg-boss expiration) */
  expireInSeconds: number;
  /** how often an idle instance looks for jobs (pg-boss polling) */
  pollingIntervalSeconds: number;
  /** connections of the queue's own pool */
  poolSize: number;
}

export const DEFAULT_JOB_QUEUE_OPTIONS: JobQueueOptions = {
  retryLimit: 5,
  retryDelaySeconds: 5,
  expireInSeconds: 6 * 3600,
  pollingIntervalSeconds: 2,
  poolSize: 4,
};

/** One job at a time, in submission order, in this process. */
export class InProcessJobQueue implements JobQueue {
  readonly kind = 'in-process' as const;
  private readonly logger = new Logger('JobQueue');
  private readonly handlers = new Map<string, (key: string) => Promise<void>>();
  private readonly waiting = new Set<string>();
  private chain: Promise<void> = Promise.resolve();
  private stopped = false;

  async work(queue: string, handler: (key: string) => Promise<void>): Promise<void> {
    this.handlers.set(queue, handler);
  }

  async send(queue: string, key: string): Promise<void> {
    const id = `${queue}\u0000${key}`;
    if (this.waiting.has(id) || this.stopped) return;
    this.waiting.add(id);
    this.chain = this.chain.then(async () => {
      this.waiting.delete(id);
      if (this.stopped) return;
      const handler = this.handlers.get(queue);
      if (!handler) return this.logger.error(`队列 ${queue} 没有处理程序，任务 ${key} 未执行`);
      try {
        await handler(key);
      } catch (e) {
        this.logger.error(`队列 ${queue} 任务 ${key} 失败：${(e as Error).message}`);
      }
    });
  }

  async idle(): Promise<void> {
    for (let c = this.chain; ; c = this.chain) {
      await c;
      if (c === this.chain) return;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
  }
}

/** pg-boss on the application's PostgreSQL database (its own schema `pgboss`). */
export class PgBossJobQueue implements JobQueue {
  readonly kind = 'pg-boss' as const;
  private readonly logger = new Logger('JobQueue');
  private readonly boss: PgBoss;
  private started: Promise<void> | undefined;
  private readonly queues = new Set<string>();
  private running = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(
    connectionString: string,
    private readonly options: JobQueueOptions = DEFAULT_JOB_QUEUE_OPTIONS,
    extra: { ssl?: unknown } = {},
  ) {
    this.boss = new PgBoss({
      connectionString,
      ...(extra.ssl !== undefined ? { ssl: extra.ssl } : {}),
      max: options.poolSize,
      application_name: 'casefile-jobs',
      // expired and failed jobs are looked after by whichever instance runs maintenance
      supervise: true,
      maintenanceIntervalSeconds: Math.max(1, Math.min(60, Math.round(options.expireInSeconds / 2))),
      schedule: false,
    });
    this.boss.on('error', (e) => this.logger.error(`作业队列错误：${e.message}`));
  }

  private start(): Promise<void> {
    this.started ??= this.boss.start().then(() => undefined);
    return this.started;
  }

  private async queue(name: string): Promise<void> {
    await this.start();
    if (this.queues.has(name)) return;
    // Instances starting together may create the queue at the same moment: pg-boss makes a partition table per
    // queue, and two such DDL transactions can deadlock or collide. PostgreSQL aborts one of them; the loser waits a
    // little and finds the queue the winner committed.
    for (let attempt = 1; !(await this.boss.getQueue(name)); attempt++) {
      try {
        // short: per key at most one job waiting; a job may wait while another of its key is active (an instance
        // that died still holds one until it expires), so the handler's own claim decides who runs
        await this.boss.createQueue(name, {
          name,
          policy: 'short',
          retryLimit: this.options.retryLimit,
          retryDelay: this.options.retryDelaySeconds,
          retryBackoff: true,
          expireInSeconds: this.options.expireInSeconds,
        });
      } catch (e) {
        if (attempt >= 5) throw e;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt + Math.floor(Math.random() * 100)));
      }
    }
    this.queues.add(name);
  }

  async work(queue: string, handler: (key: string) => Promise<void>): Promise<void> {
    await this.queue(queue);
    await this.boss.work<{ key: string }>(queue, { batchSize: 1, pollingIntervalSeconds: this.options.pollingIntervalSeconds }, async ([job]) => {
      this.running++;
      try {
        await handler(job.data.key);
      } finally {
        if (--this.running === 0) for (const w of this.idleWaiters.splice(0)) w();
      }
    });
  }

  async send(queue: string, key: string): Promise<void> {
    await this.queue(queue);
    await this.boss.send(queue, { key }, { singletonKey: key });
  }

  /** Resolves when this instance runs no job and none of the queues it works has a job waiting. */
  async idle(): Promise<void> {
    for (;;) {
      if (this.running > 0) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
      let waiting = 0;
      for (const q of this.queues) waiting += await this.boss.getQueueSize(q);
      if (waiting === 0 && this.running === 0) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    await this.started.catch(() => undefined);
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}

/**
 * The queue for a DATABASE_URL: pg-boss on PostgreSQL, in-process on SQLite.
 * | variable             | default | meaning                                                   |
 * |----------------------|---------|-----------------------------------------------------------|
 * | JOB_POLL_SECONDS     | 2       | how often an idle instance looks for queued jobs          |
 * | JOB_RETRY_LIMIT      | 5       | retries of a failed job (exponential backoff from 5 s)    |
 * | JOB_POOL_SIZE        | 4       | database connections of the queue (besides DATABASE_POOL_SIZE) |
 */
export function createJobQueue(databaseUrl: string, env: NodeJS.ProcessEnv = process.env, ssl?: unknown): JobQueue {
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) return new InProcessJobQueue();
  const num = (v: string | undefined, fallback: number, min: number) => {
    const n = Number.parseFloat(v ?? '');
    return Number.isFinite(n) && n >= min ? n : fallback;
  };
  return new PgBossJobQueue(
    databaseUrl,
    {
      ...DEFAULT_JOB_QUEUE_OPTIONS,
      pollingIntervalSeconds: num(env.JOB_POLL_SECONDS, DEFAULT_JOB_QUEUE_OPTIONS.pollingIntervalSeconds, 0.5),
      retryLimit: Math.round(num(env.JOB_RETRY_LIMIT, DEFAULT_JOB_QUEUE_OPTIONS.retryLimit, 0)),
      poolSize: Math.round(num(env.JOB_POOL_SIZE, DEFAULT_JOB_QUEUE_OPTIONS.poolSize, 1)),
    },
    { ssl },
  );
}
