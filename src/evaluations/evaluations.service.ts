import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { In, Repository } from 'typeorm';
import { CasesService } from '../cases/cases.service';
import { badRequest, conflict, notFound } from '../common/errors';
import type { ValidationIssue } from '../core/case-file/validation-issue';
import { legalDateProblem } from '../core/case-file/calendar-date';
import { runEvaluation, type EvaluationInput, type EvaluationItem, type EvaluationResults } from '../core/evaluation';
import { todayInShanghai } from '../core/engine';
import { availableScoringSheetIds, defaultScoringSheetId } from '../core/scoring';
import { EvaluationEntity, type EvaluationSource } from './evaluation.entity';

export const EVALUATIONS_OPTIONS = Symbol('EVALUATIONS_OPTIONS');

/**
 * | variable                 | default              | meaning                                     |
 * |--------------------------|----------------------|---------------------------------------------|
 * | EVALUATIONS_DIR          | ./data/evaluations   | where uploads and outputs are kept          |
 * | EVALUATION_UPLOAD_LIMIT  | 200 (MB)             | largest accepted zip upload                 |
 */
export interface EvaluationsOptions {
  dir: string;
  maxUploadBytes: number;
}

export function loadEvaluationsOptions(env: NodeJS.ProcessEnv = process.env): EvaluationsOptions {
  const mb = Number.parseInt(env.EVALUATION_UPLOAD_LIMIT ?? '', 10);
  return {
    dir: resolve(env.EVALUATIONS_DIR?.trim() || './data/evaluations'),
    maxUploadBytes: (Number.isInteger(mb) && mb > 0 ? mb : 200) * 1024 * 1024,
  };
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
  /** the in-process queue: one evaluation at a time, in submission order */
  private queue: Promise<void> = Promise.resolve();
  private readonly live = new Map<string, { done: number; total: number; failed: number }>();
  private stopping = false;

  constructor(
    @InjectRepository(EvaluationEntity) private readonly repo: Repository<EvaluationEntity>,
    private readonly cases: CasesService,
    @Inject(EVALUATIONS_OPTIONS) private readonly options: EvaluationsOptions,
  ) {}

  /** Runs interrupted by a restart start again from the beginning (their inputs are kept). */
  async onModuleInit(): Promise<void> {
    const pending = await this.repo.find({ where: { status: In(['queued', 'running']) }, order: { createdAt: 'ASC' } });
    for (const row of pending) {
      await this.repo.update(row.id, { status: 'queued', done: 0, startedAt: null });
      this.enqueue(row.id);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
  }

  /** Wait until the queue is empty (tests, graceful shutdown). */
  async idle(): Promise<void> {
    for (let q = this.queue; ; q = this.queue) {
      await q;
      if (q === this.queue) return;
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
    const missing: ValidationIssue[] = [];
    for (let n = 0; n < list.length; n++) {
      try {
        await this.cases.getEntity(list[n]);
      } catch {
        missing.push({ path: `caseIds[${n}]`, code: 'CASE_NOT_FOUND', message: `案卷不存在：${list[n]}` });
      }
    }
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
    });
    await this.repo.save(row);
    this.enqueue(row.id);
    return this.view(row);
  }

  private enqueue(id: string): void {
    this.queue = this.queue.then(() => this.run(id)).catch((e) => this.logger.error(`评查 ${id} 失败：${(e as Error).stack}`));
  }

  private async run(id: string): Promise<void> {
    if (this.stopping) return;
    const row = await this.repo.findOneBy({ id });
    if (!row || row.status !== 'queued') return;
    const source = JSON.parse(row.source) as EvaluationSource;
    const startedAt = new Date().toISOString();
    await this.repo.update(id, { status: 'running', startedAt });
    const live = { done: 0, total: row.total, failed: 0 };
    this.live.set(id, live);
    let lastSaved = 0;
    try {
      const run = await runEvaluation({
        input: source.kind === 'zip' ? source.path : this.storedCasesInput(source.ids),
        inputLabel: source.kind === 'zip' ? source.fileName : `${source.ids.length} 个已保存案卷`,
        outDir: this.outputDir(id),
        sheetId: row.sheetId,
        asOf: row.asOf,
        onProgress: (p) => {
          Object.assign(live, { done: p.done, total: p.total, failed: p.failed });
          const now = Date.now();
          if (now - lastSaved > 1000) {
            lastSaved = now;
            void this.repo.update(id, { done: p.done, total: p.total, failedFiles: p.failed }).catch(() => undefined);
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
      await this.repo.update(id, {
        status: 'completed',
        done: r.totals.files,
        total: r.totals.files,
        failedFiles: r.totals.failed,
        summary: JSON.stringify(summary),
        finishedAt: new Date().toISOString(),
      });
    } catch (e) {
      await this.repo.update(id, { status: 'failed', error: `评查失败：${(e as Error).message}`, finishedAt: new Date().toISOString() });
    } finally {
      this.live.delete(id);
      // the uploaded zip is kept only until its run has finished (outputs stay in the evaluation's folder)
      if (source.kind === 'zip') await rm(source.path, { force: true });
    }
  }

  /** Stored cases, loaded one at a time as the evaluation asks for them. */
  private storedCasesInput(ids: string[]): EvaluationInput {
    const cases = this.cases;
    return {
      total: ids.length,
      items: (async function* (): AsyncGenerator<EvaluationItem> {
        for (const id of ids) {
          try {
            const value = await cases.getCaseFile(id);
            yield { name: `${value?.case?.caseNumber ?? ''}（${id}）`, value };
          } catch {
            yield { name: id, issue: { path: '', code: 'CASE_NOT_FOUND', message: `案卷已不存在：${id}` } };
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
    const rows = await this.repo.find({ order: { createdAt: 'DESC' }, take: 100 });
    return rows.map((r) => this.view(r, false));
  }

  private async entity(id: string): Promise<EvaluationEntity> {
    const row = UUID_RE.test(id) ? await this.repo.findOneBy({ id }) : null;
    if (!row) notFound(`评查任务不存在：${id}`, 'EVALUATION_NOT_FOUND');
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
