import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { In, Repository } from 'typeorm';
import { projectRoot } from '../core/paths';
import { JOB_QUEUE, type JobQueue } from './job-queue';
import type { CaseFile } from '../core/case-file/types';
import { CasesService } from '../cases/cases.service';
import { requestScope } from '../cases/case-scope';
import { currentRequest } from '../common/request-context';
import { badRequest, conflict, notFound } from '../common/errors';
import type { ValidationIssue } from '../core/case-file/validation-issue';
import { legalDateProblem } from '../core/case-file/calendar-date';
import { runEvaluation, type EvaluationInput, type EvaluationItem, type EvaluationResults } from '../core/evaluation';
import { todayInShanghai } from '../core/engine';
import { availableScoringSheetIds, defaultScoringSheetId } from '../core/scoring';
import { EvaluationEntity, type EvaluationSource } from './evaluation.entity';

export const EVALUATIONS_OPTIONS = Symbol('EVALUATIONS_OPTIONS');

/**
 * | variable                  | default              | meaning                                                  |
 * |---------------------------|----------------------|----------------------------------------------------------|
 * | EVALUATIONS_DIR           | ./data/evaluations   | where uploads and outputs are kept (shared by all instances) |
 * | EVALUATION_UPLOAD_LIMIT   | 200 (MB)             | largest accepted zip upload                              |
 * | EVALUATION_LEASE_SECONDS  | 60                   | an instance that stops renewing its lease this long is taken for dead; its evaluation starts again elsewhere |
 */
export interface EvaluationsOptions {
  dir: string;
  maxUploadBytes: number;
  leaseSeconds?: number;
}

export function loadEvaluationsOptions(env: NodeJS.ProcessEnv = process.env): EvaluationsOptions {
  const mb = Number.parseInt(env.EVALUATION_UPLOAD_LIMIT ?? '', 10);
  const lease = Number.parseFloat(env.EVALUATION_LEASE_SECONDS ?? '');
  return {
    dir: resolve(env.EVALUATIONS_DIR?.trim() || './data/evaluations'),
    maxUploadBytes: (Number.isInteger(mb) && mb > 0 ? mb : 200) * 1024 * 1024,
    leaseSeconds: Number.isFinite(lease) && lease >= 1 ? lease : DEFAULT_LEASE_SECONDS,
  };
}

export const DEFAULT_LEASE_SECONDS = 60;
/** the queue every instance takes evaluations from */
export const EVALUATION_QUEUE = 'evaluation';
/** a run interrupted this many times (its instance died each time) is recorded as failed */
export const MAX_ATTEMPTS = 5;
/** stored cases an evaluation reads per query */
const STORED_CASES_BATCH = 50;
/** tries of the final status write before the job is handed back to the queue */
const FINAL_WRITE_TRIES = 5;

/** thrown from the progress callback to stop a run: the lease was lost, or this instance is stopping */
class RunStopped extends Error {
  constructor(readonly reason: 'lease-lost' | 'stopping') {
    super(reason);
  }
}

/**
 * An error message fit for a user: no absolute server paths (the evaluation folder, the project, any other
 * absolute path is cut to its last part).
 */
export function publicMessage(e: unknown, dirs: string[]): string {
  let m = e instanceof Error ? e.message : String(e);
  for (const d of dirs.filter(Boolean).sort((a, b) => b.length - a.length)) m = m.split(d + '/').join('').split(d).join('');
  return m.replace(/(^|[\s'"`(（：:=])((?:[A-Za-z]:)?[\\/][^\s'"`)）,，。；;]+)/g, (_all, pre: string, path: string) => pre + (basename(path) || path));
}

export const DOWNLOADS = {
  'summary.pdf': 'application/pdf',
  'summary.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'summary.csv': 'text/csv; charset=utf-8',
  'results.json': 'application/json; charset=utf-8',
} as const;
export type DownloadName = keyof typeof DOWNLOADS;

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
export const MAX_CASE_IDS = 20_000;

export interface EvaluationView {
  id: string;
  status: EvaluationEntity['status'];
  source: 'zip' | 'cases';
  sheetId: string;
  asOf: string;
  progress: { done: number; total: number; failed: number };
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error?: string;
  summary?: EvaluationSummary;
  downloads?: Record<DownloadName, string>;
}

/** What GET /api/evaluations/:id shows of the results (the full data is results.json). */
export interface EvaluationSummary {
  versions: EvaluationResults['versions'];
  totals: EvaluationResults['totals'];
  grades: EvaluationResults['aggregates']['grades'];
  byCategory: EvaluationResults['aggregates']['byCategory'];
  topRules: EvaluationResults['aggregates']['byRule'];
  byAgency: EvaluationResults['aggregates']['byAgency'];
  failed: { file: string; message: string }[];
}

@Injectable()
export class EvaluationsService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Evaluations');
  private readonly live = new Map<string, { done: number; total: number; failed: number }>();
  private stopping = false;
  private reaper: NodeJS.Timeout | undefined;
  /** counters for tests and the bench: runs this instance started and completed */
  readonly stats = { started: 0, completed: 0 };

  constructor(
    @InjectRepository(EvaluationEntity) private readonly repo: Repository<EvaluationEntity>,
    private readonly cases: CasesService,
    @Inject(EVALUATIONS_OPTIONS) private readonly options: EvaluationsOptions,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
  ) {}

  private get leaseMs(): number {
    return (this.options.leaseSeconds ?? DEFAULT_LEASE_SECONDS) * 1000;
  }

  /**
   * Take evaluations from the queue. With the in-process queue (one instance) whatever was queued or running when
   * the service stopped starts again from the beginning (inputs are kept until an outcome is recorded); with the
   * shared queue the same happens for runs whose instance's lease ran out, checked now and every lease period.
   */
  async onModuleInit(): Promise<void> {
    await this.queue.work(EVALUATION_QUEUE, (id) => this.run(id));
    if (this.queue.kind === 'in-process') {
      const pending = await this.repo.find({ where: { status: In(['queued', 'running']) }, order: { createdAt: 'ASC' } });
      for (const row of pending) {
        await this.repo.update(row.id, { status: 'queued', done: 0, startedAt: null, leaseOwner: null, leaseUntil: null });
        await this.queue.send(EVALUATION_QUEUE, row.id);
      }
    } else {
      await this.reap();
    }
    if (this.reaper) clearInterval(this.reaper);
    this.reaper = setInterval(() => void this.reap().catch((e) => this.logger.warn(`检查中断的评查任务失败：${(e as Error).message}`)), this.leaseMs);
    this.reaper.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.reaper) clearInterval(this.reaper);
    await this.queue.stop();
  }

  /** Wait until this instance has no evaluation waiting or running (tests, graceful shutdown). */
  async idle(): Promise<void> {
    await this.queue.idle();
  }

  /**
   * Hand runs whose lease ran out (their instance died) back to the queue, and queue again rows whose job was
   * never sent (the queue was unreachable when they were submitted). A run interrupted MAX_ATTEMPTS times fails.
   */
  async reap(): Promise<void> {
    const now = new Date().toISOString();
    const rows = await this.repo
      .createQueryBuilder('e')
      .select(['e.id', 'e.status', 'e.attempts'])
      .where("(e.status = 'running' AND (e.lease_until IS NULL OR e.lease_until < :now)) OR e.status = 'queued'", { now })
      .orderBy('e.created_at', 'ASC')
      .getMany();
    for (const row of rows) {
      if (row.status === 'running' && row.attempts >= MAX_ATTEMPTS) {
        await this.repo
          .createQueryBuilder()
          .update(EvaluationEntity)
          .set({ status: 'failed', error: `评查失败：运行中断 ${row.attempts} 次（服务实例停止），已放弃`, finishedAt: now, leaseOwner: null, leaseUntil: null })
          .where("id = :id AND status = 'running' AND (lease_until IS NULL OR lease_until < :now)", { id: row.id, now })
          .execute();
        continue;
      }
      // a running row whose lease ran out: its instance died (shared queue), or — on either queue — its run could
      // not record the outcome (the final write failed every try); the claim in run() lets only one run take it
      await this.queue.send(EVALUATION_QUEUE, row.id);
    }
  }

  get uploadsDir(): string {
    return join(this.options.dir, 'uploads');
  }

  /** POST with a zip upload (multer has stored it in uploadsDir). */
  async createFromUpload(file: { path: string; originalname: string; size: number }, fields: Record<string, unknown>): Promise<EvaluationView> {
    const issues: ValidationIssue[] = [];
    const { sheetId, asOf } = this.commonFields(fields, issues);
    if (file.size === 0 || !(await isZip(file.path))) {
      issues.push({ path: 'file', code: 'INVALID_ZIP', message: '上传的文件不是 zip 压缩包' });
    }
    if (issues.length) {
      await rm(file.path, { force: true });
      badRequest(issues);
    }
    return this.create({ kind: 'zip', path: file.path, fileName: file.originalname }, sheetId, asOf);
  }

  /** POST with JSON { caseIds, sheet?, asOf? }. */
  async createFromCases(body: unknown): Promise<EvaluationView> {
    const issues: ValidationIssue[] = [];
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      badRequest([{ path: '', code: 'INVALID_BODY', message: '请求体须为 JSON 对象 { caseIds: [...] }，或以 multipart/form-data 上传 zip（字段 file）' }]);
    }
    const b = body as Record<string, unknown>;
    for (const key of Object.keys(b)) {
      if (!['caseIds', 'sheet', 'asOf'].includes(key)) issues.push({ path: key, code: 'UNKNOWN_PROPERTY', message: `未知字段：${key}` });
    }
    const { sheetId, asOf } = this.commonFields(b, issues);
    const ids = b.caseIds;
    if (ids === undefined) issues.push({ path: 'caseIds', code: 'REQUIRED', message: '缺少 caseIds（要评查的案卷 id 列表），或以 multipart/form-data 上传 zip（字段 file）' });
    else if (!Array.isArray(ids) || ids.length === 0) issues.push({ path: 'caseIds', code: 'INVALID_CASE_IDS', message: 'caseIds 须为非空的案卷 id 数组' });
    else if (ids.length > MAX_CASE_IDS) issues.push({ path: 'caseIds', code: 'TOO_MANY_CASES', message: `一次最多评查 ${MAX_CASE_IDS} 个案卷` });
    else {
      const seen = new Set<string>();
      ids.forEach((id, n) => {
        if (typeof id !== 'string' || !UUID_RE.test(id)) issues.push({ path: `caseIds[${n}]`, code: 'INVALID_CASE_ID', message: `案卷 id 格式错误：${String(id)}` });
        else if (seen.has(id.toLowerCase())) issues.push({ path: `caseIds[${n}]`, code: 'DUPLICATE_CASE_ID', message: `案卷 id 重复：${id}` });
        else seen.add(id.toLowerCase());
      });
    }
    if (issues.length) badRequest(issues);
    const list = ids as string[];
    // stored and within the caller's agencies (another agency's case does not exist for the caller)
    const stored = await this.cases.existingCaseIds(list);
    const missing: ValidationIssue[] = [];
    list.forEach((id, n) => {
      if (!stored.has(id)) missing.push({ path: `caseIds[${n}]`, code: 'CASE_NOT_FOUND', message: `案卷不存在：${id}` });
    });
    if (missing.length) badRequest(missing, `有 ${missing.length} 个案卷不存在`, 'CASE_NOT_FOUND');
    return this.create({ kind: 'cases', ids: list }, sheetId, asOf);
  }

  private commonFields(fields: Record<string, unknown>, issues: ValidationIssue[]): { sheetId: string; asOf: string } {
    let sheetId = defaultScoringSheetId();
    if (fields.sheet !== undefined && fields.sheet !== '') {
      const available = availableScoringSheetIds();
      if (typeof fields.sheet !== 'string' || !available.includes(fields.sheet)) {
        issues.push({ path: 'sheet', code: 'UNKNOWN_SCORING_SHEET', message: `未知的评分表：${String(fields.sheet)}（可用：${available.join('、')}）` });
      } else sheetId = fields.sheet;
    }
    let asOf = todayInShanghai();
    if (fields.asOf !== undefined && fields.asOf !== '') {
      if (typeof fields.asOf !== 'string' || legalDateProblem(fields.asOf) !== null) {
        issues.push({ path: 'asOf', code: 'INVALID_DATE', message: `asOf 须为 YYYY-MM-DD 格式的有效日期：${String(fields.asOf)}` });
      } else asOf = fields.asOf;
    }
    return { sheetId, asOf };
  }

  private async create(source: EvaluationSource, sheetId: string, asOf: string): Promise<EvaluationView> {
    const row = this.repo.create({
      id: randomUUID(),
      status: 'queued',
      source: JSON.stringify(source),
      sheetId,
      asOf,
      total: source.kind === 'cases' ? source.ids.length : 0,
      done: 0,
      failedFiles: 0,
      summary: null,
      error: null,
      startedAt: null,
      finishedAt: null,
      agencyId: currentRequest()?.user?.agencyId ?? null,
    });
    await this.repo.save(row);
    try {
      await this.queue.send(EVALUATION_QUEUE, row.id);
    } catch (e) {
      // the row stays queued: the next reap() sends it again
      this.logger.warn(`评查任务 ${row.id} 暂未进入队列：${(e as Error).message}`);
    }
    return this.view(row);
  }

  /** Take the evaluation for this run: queued, or running under a lease that ran out. The row, or null. */
  private async claim(id: string, token: string): Promise<EvaluationEntity | null> {
    const now = new Date();
    const result = await this.repo
      .createQueryBuilder()
      .update(EvaluationEntity)
      .set({
        status: 'running',
        leaseOwner: token,
        leaseUntil: new Date(now.getTime() + this.leaseMs).toISOString(),
        startedAt: now.toISOString(),
        done: 0,
        attempts: () => 'attempts + 1',
      })
      .where("id = :id AND (status = 'queued' OR (status = 'running' AND (lease_until IS NULL OR lease_until < :now)))", { id, now: now.toISOString() })
      .execute();
    return result.affected ? this.repo.findOneBy({ id }) : null;
  }

  /** Write the outcome if this run still holds the lease, retrying a failing write with backoff. */
  private async recordOutcome(id: string, token: string, outcome: Partial<EvaluationEntity>): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await this.repo
          .createQueryBuilder()
          .update(EvaluationEntity)
          .set({ ...outcome, leaseOwner: null, leaseUntil: null })
          .where("id = :id AND lease_owner = :token AND status = 'running'", { id, token })
          .execute();
        return !!result.affected;
      } catch (e) {
        if (attempt >= FINAL_WRITE_TRIES) throw e;
        this.logger.warn(`评查 ${id} 结果写入失败（第 ${attempt} 次），稍后重试：${(e as Error).message}`);
        await new Promise((r) => setTimeout(r, 200 * 2 ** attempt));
      }
    }
  }

  private publicError(e: unknown): string {
    return publicMessage(e, [this.options.dir, projectRoot(), process.cwd()]);
  }

  /**
   * Run one evaluation if this instance can claim it (see claim): the lease is renewed while it runs, progress is
   * saved every second, the outcome is written only while the lease is still ours, and the uploaded zip is removed
   * only once an outcome is recorded (a run that could not record it starts again with its input).
   */
  private async run(id: string): Promise<void> {
    if (this.stopping) return;
    const token = `${process.pid}-${randomUUID()}`;
    const row = await this.claim(id, token);
    if (!row) return; // finished, gone, or running on a live instance
    this.stats.started++;
    this.logger.log(`评查 ${id} 开始（第 ${row.attempts} 次，实例 ${process.pid}）`);
    const source = JSON.parse(row.source) as EvaluationSource;
    const live = { done: 0, total: row.total, failed: 0 };
    this.live.set(id, live);
    let lost = false;
    const fenced = () => this.repo.createQueryBuilder().update(EvaluationEntity).where('id = :id AND lease_owner = :token', { id, token });
    const heartbeat = setInterval(() => {
      fenced()
        .set({ leaseUntil: new Date(Date.now() + this.leaseMs).toISOString() })
        .execute()
        .then((r) => {
          if (!r.affected) lost = true;
        })
        .catch((e) => this.logger.warn(`评查 ${id} 续租失败：${(e as Error).message}`));
    }, Math.max(200, this.leaseMs / 3));
    let lastSaved = 0;
    let outcome: Partial<EvaluationEntity>;
    try {
      const run = await runEvaluation({
        input: source.kind === 'zip' ? source.path : this.storedCasesInput(source.ids),
        inputLabel: source.kind === 'zip' ? source.fileName : `${source.ids.length} 个已保存案卷`,
        outDir: this.outputDir(id),
        sheetId: row.sheetId,
        asOf: row.asOf,
        onProgress: (p) => {
          if (lost) throw new RunStopped('lease-lost');
          if (this.stopping) throw new RunStopped('stopping');
          Object.assign(live, { done: p.done, total: p.total, failed: p.failed });
          const now = Date.now();
          if (now - lastSaved > 1000) {
            lastSaved = now;
            void fenced().set({ done: p.done, total: p.total, failedFiles: p.failed }).execute().catch(() => undefined);
          }
        },
      });
      const r = run.results;
      const summary: EvaluationSummary = {
        versions: r.versions,
        totals: r.totals,
        grades: r.aggregates.grades,
        byCategory: r.aggregates.byCategory,
        topRules: r.aggregates.byRule.slice(0, 10),
        byAgency: r.aggregates.byAgency,
        failed: r.failed.slice(0, 50).map((f) => ({ file: f.file, message: f.issues.map((i) => (i.path ? `${i.path} ` : '') + i.message).slice(0, 3).join('；') })),
      };
      outcome = {
        status: 'completed',
        done: r.totals.files,
        total: r.totals.files,
        failedFiles: r.totals.failed,
        summary: JSON.stringify(summary),
        finishedAt: new Date().toISOString(),
      };
    } catch (e) {
      if (e instanceof RunStopped) {
        // stopping: hand the run back at once (another instance, or this one after its restart, starts it again)
        if (e.reason === 'stopping') {
          await fenced().set({ status: 'queued', leaseOwner: null, leaseUntil: null, done: 0 }).execute().catch(() => undefined);
        }
        return;
      }
      outcome = { status: 'failed', error: `评查失败：${this.publicError(e)}`, finishedAt: new Date().toISOString() };
    } finally {
      clearInterval(heartbeat);
      this.live.delete(id);
    }
    let recorded: boolean;
    try {
      recorded = await this.recordOutcome(id, token, outcome);
    } catch (e) {
      // the queue retries the job (and the reaper hands the row back once its lease runs out); the input is kept
      this.logger.error(`评查 ${id} 结果写入 ${FINAL_WRITE_TRIES} 次均失败，稍后重新运行（输入保留）：${(e as Error).message}`);
      throw e;
    }
    if (!recorded) return; // the lease was lost meanwhile: the run that holds it records the outcome
    if (outcome.status === 'completed') this.stats.completed++;
    this.logger.log(`评查 ${id} ${outcome.status === 'completed' ? '完成' : '失败'}（实例 ${process.pid}）`);
    // the uploaded zip is kept only until its run's outcome is recorded (outputs stay in the evaluation's folder)
    if (source.kind === 'zip') await rm(source.path, { force: true });
  }

  /** Stored cases, loaded one at a time as the evaluation asks for them. */
  private storedCasesInput(ids: string[]): EvaluationInput {
    const cases = this.cases;
    return {
      total: ids.length,
      items: (async function* (): AsyncGenerator<EvaluationItem> {
        // read in batches: one query per STORED_CASES_BATCH cases instead of one per case
        for (let start = 0; start < ids.length; start += STORED_CASES_BATCH) {
          const batch = ids.slice(start, start + STORED_CASES_BATCH);
          const texts = await cases.getCaseFileTexts(batch);
          for (const id of batch) {
            const text = texts.get(id);
            if (text === undefined) {
              yield { name: id, issue: { path: '', code: 'CASE_NOT_FOUND', message: `案卷已不存在：${id}` } };
              continue;
            }
            let value: CaseFile;
            try {
              value = JSON.parse(text) as CaseFile;
            } catch {
              yield { name: id, issue: { path: '', code: 'CASE_UNREADABLE', message: `案卷数据无法读取（存储的 JSON 已损坏）：${id}` } };
              continue;
            }
            yield { name: `${value?.case?.caseNumber ?? ''}（${id}）`, value };
          }
        }
      })(),
    };
  }

  outputDir(id: string): string {
    return join(this.options.dir, id);
  }

  async get(id: string): Promise<EvaluationView> {
    return this.view(await this.entity(id));
  }

  async list(): Promise<EvaluationView[]> {
    const scope = requestScope();
    const rows = await this.repo.find({ where: scope ? { agencyId: In([...scope]) } : {}, order: { createdAt: 'DESC' }, take: 100 });
    return rows.map((r) => this.view(r, false));
  }

  private async entity(id: string): Promise<EvaluationEntity> {
    const row = UUID_RE.test(id) ? await this.repo.findOneBy({ id }) : null;
    // another agency's evaluation (its outputs hold party data) does not exist for the user
    const scope = requestScope();
    if (!row || (scope && !(row.agencyId && scope.includes(row.agencyId)))) notFound(`评查任务不存在：${id}`, 'EVALUATION_NOT_FOUND');
    return row;
  }

  /** Path of a finished output file; 404 unknown id or name, 409 not finished yet. */
  async download(id: string, name: string): Promise<{ path: string; contentType: string }> {
    if (!(name in DOWNLOADS)) notFound(`没有这个输出文件：${name}（可下载：${Object.keys(DOWNLOADS).join('、')}）`, 'EVALUATION_FILE_NOT_FOUND');
    const row = await this.entity(id);
    if (row.status !== 'completed') {
      conflict(row.status === 'failed' ? `评查任务失败，没有输出文件：${row.error ?? ''}` : '评查尚未完成，请稍后再下载', 'EVALUATION_NOT_FINISHED');
    }
    const path = join(this.outputDir(id), name);
    if (!existsSync(path)) notFound(`输出文件已不存在：${name}`, 'EVALUATION_FILE_NOT_FOUND');
    return { path, contentType: DOWNLOADS[name as DownloadName] };
  }

  private view(row: EvaluationEntity, withSummary = true): EvaluationView {
    const source = JSON.parse(row.source) as EvaluationSource;
    const live = this.live.get(row.id);
    const view: EvaluationView = {
      id: row.id,
      status: row.status,
      source: source.kind,
      sheetId: row.sheetId,
      asOf: row.asOf,
      progress: live ? { ...live } : { done: row.done, total: row.total, failed: row.failedFiles },
      createdAt: row.createdAt instanceof Date ? row.createdAt.toISOString() : String(row.createdAt),
      startedAt: row.startedAt,
      finishedAt: row.finishedAt,
    };
    if (row.error) view.error = row.error;
    if (row.status === 'completed') {
      if (withSummary && row.summary) view.summary = JSON.parse(row.summary) as EvaluationSummary;
      view.downloads = Object.fromEntries(Object.keys(DOWNLOADS).map((f) => [f, `/api/evaluations/${row.id}/${f}`])) as Record<DownloadName, string>;
    }
    return view;
  }
}

async function isZip(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(4);
    const { bytesRead } = await fh.read(buf, 0, 4, 0);
    return bytesRead === 4 && buf.readUInt32LE(0) === 0x04034b50;
  } finally {
    await fh.close();
  }
}
