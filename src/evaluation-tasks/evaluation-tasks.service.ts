import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { actorOf, hasRole, recordAs, requireRole, REVIEWER_ROLES, type ActingUser } from '../adjudications/acting-user';
import { AgenciesService } from '../agencies/agencies.service';
import { AuditService } from '../audit/audit.service';
import { currentRequest, withRequestContext } from '../common/request-context';
import { UsersService } from '../users/users.service';
import { AdjudicationsService, type AdjudicatedView } from '../adjudications/adjudications.service';
import { BodyReader } from '../adjudications/body';
import { CaseFileEntity } from '../cases/case-file.entity';
import { apiError, badRequest, conflict, notFound } from '../common/errors';
import {
  AdjudicationError,
  assignReviewers,
  computeTaskResults,
  drawSample,
  newSeed,
  peopleOnCase,
  RECUSAL_LABEL,
  type AssignableCase,
  type Evaluator,
  type Recusal,
  type RectificationTick,
  type Ruling,
  type Sample,
  type SamplingSpec,
  type TaskCaseOutcome,
  type TaskResults,
  taskResultsCsv,
  taskResultsJson,
  taskResultsPdf,
  taskResultsXlsx,
} from '../core/adjudication';
import type { CaseFile, Procedure } from '../core/case-file/types';
import { ReviewService } from '../review/review.service';
import { EvaluationTaskCaseEntity, EvaluationTaskEntity, ObjectionEntity, RectificationEntity } from './evaluation-task.entities';

/** The task's scoring sheet for manual items sent through the task (a sheet in the body is refused). */
function withSheet(body: unknown, sheetId: string): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  if ('sheet' in body) return body; // the reader reports it against the task's sheet below
  return { ...body, sheet: sheetId };
}

/** What the task was created with (printed with every export). */
export interface TaskParams {
  scope: { agencies?: string[]; years?: number[]; procedures?: Procedure[]; statuses: ('closed' | 'archived')[] };
  sampling: SamplingSpec;
  reviewers: Evaluator[];
  /** 组长: who does the 复核 */
  leaders: { id: string; name: string }[];
}

export interface TaskDraw {
  population: number;
  perAgency: Sample['perAgency'];
  recusals: (Recusal & { label: string })[];
  unassigned: { caseId: string; caseNumber: string; reason: string }[];
}

export interface TaskView {
  id: string;
  name: string;
  sheetId: string;
  state: EvaluationTaskEntity['state'];
  createdAt: string;
  createdBy: { id: string; name: string };
  publishedAt?: string;
  params: TaskParams;
  draw: TaskDraw;
  cases: number;
  progress: {
    evaluatorId: string;
    name: string;
    agency: string;
    assigned: number;
    reviewed: number;
    signed: number;
    approved: number;
    returned: number;
  }[];
}

export interface TaskCaseView {
  caseId: string;
  caseNumber: string;
  agency: string;
  officers: string[];
  reason: string;
  evaluator: { id: string; name: string } | null;
  reviewId: string | null;
  state: TaskCaseOutcome['state'];
}

const ADMIN_ROLES = ['evaluation_admin', 'admin'] as const;

/**
 * 年度案卷评查 over stored cases: create (scope, seeded 抽查, assignment with 回避), each case's machine review +
 * the reviewer's judgement + sign-off, 组长复核 with 退回, publication, 异议 and answers, results and 整改 lists.
 */
@Injectable()
export class EvaluationTasksService {
  // Nest constructor injection: one repository or service per dependency (the framework's shape, not shared logic)
  constructor(
    @InjectRepository(EvaluationTaskEntity) private readonly tasks: Repository<EvaluationTaskEntity>,
    @InjectRepository(EvaluationTaskCaseEntity) private readonly taskCases: Repository<EvaluationTaskCaseEntity>,
    @InjectRepository(ObjectionEntity) private readonly objections: Repository<ObjectionEntity>,
    @InjectRepository(RectificationEntity) private readonly ticks: Repository<RectificationEntity>,
    @InjectRepository(CaseFileEntity) private readonly caseFiles: Repository<CaseFileEntity>,
    private readonly adjudications: AdjudicationsService,
    private readonly reviews: ReviewService,
    private readonly users: UsersService,
    private readonly agencies: AgenciesService,
    private readonly audit: AuditService,
  ) {}

  private record(user: ActingUser, action: string, entityType: string, entityId: string, caseId?: string, before?: unknown, after?: unknown): Promise<void> {
    return recordAs(this.audit, user, { action, entityType, entityId, caseId, before, after });
  }

  /**
   * Reviewers and 组长 are users: name and agency come from the user records; a reviewer's own agencies are the
   * agency and its subtree (回避). 400 with the body path when a user is unknown or not a reviewer.
   */
  private async resolvePeople(params: TaskParams): Promise<void> {
    const issues: { path: string; code: string; message: string }[] = [];
    const userOf = async (id: string, path: string) => {
      const row = /^[0-9a-f-]{36}$/i.test(id) ? await this.users.findById(id.toLowerCase()) : null;
      if (!row) {
        issues.push({ path, code: 'UNKNOWN_USER', message: `用户不存在：${id}` });
        return undefined;
      }
      if (!row.roles.split(',').some((r) => r === 'reviewer' || r === 'admin')) {
        issues.push({ path, code: 'NOT_A_REVIEWER', message: `${row.displayName} 不是评查人员（须有 reviewer 角色）` });
        return undefined;
      }
      return row;
    };
    for (const [i, e] of params.reviewers.entries()) {
      const row = await userOf(e.id, `body.reviewers[${i}].id`);
      if (!row) continue;
      e.id = row.id;
      e.name = row.displayName;
      e.agency = (await this.agencies.entity(row.agencyId)).name;
      e.ownAgencyIds = await this.agencies.subtreeIds(row.agencyId);
    }
    for (const [i, l] of params.leaders.entries()) {
      const row = await userOf(l.id, `body.leaders[${i}].id`);
      if (!row) continue;
      l.id = row.id;
      l.name = row.displayName;
    }
    if (issues.length > 0) badRequest(issues, `评查人员有误（共 ${issues.length} 处）`, 'VALIDATION_FAILED');
  }

  // ——— creation ———

  private readParams(body: unknown): { name: string; sheet: unknown; params: TaskParams } {
    const b = new BodyReader(body, ['name', 'sheet', 'scope', 'sampling', 'reviewers', 'leaders']);
    const name = b.string('name', '任务名称（name）', { required: true, max: 200 });
    const scope: TaskParams['scope'] = { statuses: ['closed', 'archived'] };
    if (b.has('scope')) {
      const s = new BodyReader(b.raw('scope'), ['agencies', 'years', 'procedures'], 'body.scope');
      const agencies = s.raw('agencies');
      if (agencies !== undefined) {
        if (!Array.isArray(agencies) || agencies.some((a) => typeof a !== 'string' || !a.trim())) s.issue('agencies', 'INVALID_TYPE', '执法机关（agencies）须为名称列表');
        else scope.agencies = agencies.map((a: string) => a.trim());
      }
      const years = s.raw('years');
      if (years !== undefined) {
        if (!Array.isArray(years) || years.some((y) => !Number.isInteger(y) || y < 1990 || y > 2100)) s.issue('years', 'INVALID_TYPE', '年度（years）须为年份列表，如 [2025]');
        else scope.years = years as number[];
      }
      const procedures = s.raw('procedures');
      if (procedures !== undefined) {
        if (!Array.isArray(procedures) || procedures.some((p) => p !== 'general' && p !== 'simple')) s.issue('procedures', 'INVALID_VALUE', '程序（procedures）须为 general（一般程序）/ simple（简易程序）的列表');
        else scope.procedures = procedures as Procedure[];
      }
      b.issues.push(...s.issues);
    }
    const sp = new BodyReader(b.raw('sampling') ?? {}, ['mode', 'ratio', 'mustInclude', 'seed', 'stratify'], 'body.sampling');
    const mode = sp.oneOf('mode', '抽查方式（mode）', ['all', 'ratio'] as const, { required: true });
    const ratio = sp.number('ratio', '抽查比例（ratio）', { required: mode === 'ratio', min: 0.0001, max: 1 });
    const seed = sp.string('seed', '随机种子（seed）', { max: 100 }) ?? newSeed();
    const stratify = sp.oneOf('stratify', '分层（stratify）', ['agency', 'none'] as const) ?? 'agency';
    const must = sp.raw('mustInclude');
    let mustInclude: string[] | undefined;
    if (must !== undefined) {
      if (!Array.isArray(must) || must.some((m) => typeof m !== 'string')) sp.issue('mustInclude', 'INVALID_TYPE', '必查案卷（mustInclude）须为案卷 id 列表');
      else mustInclude = (must as string[]).map((m) => m.toLowerCase());
    }
    b.issues.push(...sp.issues);
    const sampling: SamplingSpec = { mode: mode ?? 'all', seed, stratify };
    if (ratio !== undefined) sampling.ratio = ratio;
    if (mustInclude) sampling.mustInclude = mustInclude;

    const reviewers: Evaluator[] = [];
    const rs = b.raw('reviewers');
    if (!Array.isArray(rs) || rs.length === 0) b.issue('reviewers', 'REQUIRED', '须指定评查人员（reviewers）');
    else
      rs.forEach((r, i) => {
        const rb = new BodyReader(r, ['id', 'name', 'agency', 'certificateNo', 'conflicts', 'maxCases'], `body.reviewers[${i}]`);
        const id = rb.string('id', '用户 id', { required: true, max: 36 });
        const name = rb.string('name', '姓名', { max: 100 }) ?? '';
        const agency = rb.string('agency', '所在单位', { max: 200 }) ?? '';
        const certificateNo = rb.string('certificateNo', '执法证号', { max: 50 });
        const maxCases = rb.number('maxCases', '分配上限', { min: 1, max: 100000 });
        const conflicts = rb.raw('conflicts');
        if (conflicts !== undefined && (!Array.isArray(conflicts) || conflicts.some((c) => typeof c !== 'string'))) rb.issue('conflicts', 'INVALID_TYPE', '回避案卷须为案卷 id 列表');
        b.issues.push(...rb.issues);
        if (id) {
          const e: Evaluator = { id, name, agency };
          if (certificateNo) e.certificateNo = certificateNo;
          if (maxCases) e.maxCases = maxCases;
          if (Array.isArray(conflicts)) e.conflicts = (conflicts as string[]).map((c) => c.toLowerCase());
          if (reviewers.some((x) => x.id === id)) rb.issue('id', 'DUPLICATE', `评查人员重复：${id}`);
          reviewers.push(e);
        }
      });
    const leaders: { id: string; name: string }[] = [];
    const ls = b.raw('leaders');
    if (!Array.isArray(ls) || ls.length === 0) b.issue('leaders', 'REQUIRED', '须指定负责复核的组长（leaders）');
    else
      ls.forEach((l, i) => {
        const lb = new BodyReader(l, ['id', 'name'], `body.leaders[${i}]`);
        const id = lb.string('id', '用户 id', { required: true, max: 36 });
        const name = lb.string('name', '姓名', { max: 100 }) ?? '';
        b.issues.push(...lb.issues);
        if (id) leaders.push({ id, name });
      });
    b.done('评查任务参数有误');
    return { name: name!, sheet: b.raw('sheet'), params: { scope, sampling, reviewers, leaders } };
  }

  /** POST /api/evaluation-tasks — draws the sample, assigns reviewers with 回避, stores the task. */
  async create(user: ActingUser, body: unknown): Promise<TaskView> {
    requireRole(user, ADMIN_ROLES, '创建评查任务');
    const { name, sheet: sheetArg, params } = this.readParams(body);
    const sheet = this.adjudications.sheetOf(sheetArg, 'body.sheet');
    await this.resolvePeople(params);
    const qb = this.caseFiles.createQueryBuilder('c').where('c.status IN (:...statuses)', { statuses: params.scope.statuses });
    // the organiser's own agencies (and their subtree); a system administrator sees every agency
    if (!hasRole(user, ['admin']) && user.agencyIds) {
      if (user.agencyIds.length === 0) qb.andWhere('1 = 0');
      else qb.andWhere('c.agency_id IN (:...own)', { own: [...user.agencyIds] });
    }
    if (params.scope.agencies?.length) qb.andWhere('c.agency IN (:...agencies)', { agencies: params.scope.agencies });
    if (params.scope.years?.length) qb.andWhere('c.year IN (:...years)', { years: params.scope.years });
    const rows = await qb.getMany();
    const files = new Map<string, CaseFile>();
    for (const r of rows) {
      const f = JSON.parse(r.document) as CaseFile;
      if (params.scope.procedures?.length && !params.scope.procedures.includes(f.case.procedure)) continue;
      files.set(r.id, f);
    }
    const inScope = rows.filter((r) => files.has(r.id));
    if (inScope.length === 0) badRequest([{ path: 'body.scope', code: 'EMPTY_SCOPE', message: '评查范围内没有已结案或已归档的案卷' }], '评查范围内没有案卷', 'EMPTY_SCOPE');
    let sample: Sample;
    try {
      sample = drawSample(inScope.map((r) => ({ id: r.id, caseNumber: r.caseNumber, agency: r.agency })), params.sampling);
    } catch (e) {
      if (e instanceof AdjudicationError) badRequest([{ path: `body.${e.path ?? 'sampling'}`, code: e.code, message: e.message }], e.message, e.code);
      throw e;
    }
    const byId = new Map(inScope.map((r) => [r.id, r]));
    const assignable: AssignableCase[] = sample.selected.map((s) => ({
      id: s.id,
      caseNumber: byId.get(s.id)!.caseNumber,
      agency: s.agency,
      ...(byId.get(s.id)!.agencyId ? { agencyId: byId.get(s.id)!.agencyId! } : {}),
      people: peopleOnCase(files.get(s.id)!),
    }));
    const plan = assignReviewers(assignable, params.reviewers, params.sampling.seed);
    const assignedTo = new Map(plan.assignments.map((a) => [a.caseId, a.evaluatorId]));
    const evaluators = new Map(params.reviewers.map((e) => [e.id, e]));

    const task = this.tasks.create({
      id: randomUUID(),
      name,
      sheetId: sheet.id,
      state: 'open',
      params: JSON.stringify(params),
      draw: JSON.stringify({
        population: sample.population,
        perAgency: sample.perAgency,
        recusals: plan.recusals.map((r) => ({ ...r, label: RECUSAL_LABEL[r.reason] })),
        unassigned: plan.unassigned,
      } satisfies TaskDraw),
      createdById: user.id,
      createdByName: user.displayName,
      createdAt: new Date(),
      publishedAt: null,
    });
    await this.tasks.manager.transaction(async (m) => {
      await m.insert(EvaluationTaskEntity, task);
      const caseRows = sample.selected.map((s) => {
        const ev = assignedTo.has(s.id) ? evaluators.get(assignedTo.get(s.id)!)! : undefined;
        return m.create(EvaluationTaskCaseEntity, {
          id: randomUUID(),
          taskId: task.id,
          caseId: s.id,
          caseNumber: byId.get(s.id)!.caseNumber,
          agency: s.agency,
          agencyId: byId.get(s.id)!.agencyId ?? null,
          officers: JSON.stringify(files.get(s.id)!.officers.map((o) => o.name)),
          reason: s.reason,
          evaluatorId: ev?.id ?? null,
          evaluatorName: ev?.name ?? null,
          reviewId: null,
        });
      });
      for (let i = 0; i < caseRows.length; i += 200) await m.insert(EvaluationTaskCaseEntity, caseRows.slice(i, i + 200));
    });
    const view = await this.get(task.id);
    await this.record(user, 'evaluation_task.create', 'evaluation_task', task.id, undefined, undefined, { name, sheetId: sheet.id, params, draw: view.draw, cases: view.cases });
    return view;
  }

  /** The reviewers an organiser may put on a task (active users with the reviewer role): id, name, agency. */
  async reviewerDirectory(user: ActingUser): Promise<{ id: string; displayName: string; agency: { id: string; name: string } }[]> {
    requireRole(user, ADMIN_ROLES, '查看评查人员名录');
    const all = await this.users.list();
    return all
      .filter((u) => !u.disabled && u.roles.includes('reviewer'))
      .map((u) => ({ id: u.id, displayName: u.displayName, agency: u.agency }))
      .sort((a, b) => (a.agency.name < b.agency.name ? -1 : a.agency.name > b.agency.name ? 1 : a.displayName < b.displayName ? -1 : 1));
  }

  // ——— reading ———

  async taskEntity(id: string): Promise<EvaluationTaskEntity> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) badRequest([{ path: 'id', code: 'INVALID_ID', message: `评查任务 id 格式错误：'${id}'` }], `评查任务 id 格式错误：'${id}'`, 'INVALID_ID');
    const t = await this.tasks.findOneBy({ id: id.toLowerCase() });
    if (!t) notFound(`评查任务不存在：${id}`, 'TASK_NOT_FOUND');
    return t;
  }

  async list(): Promise<{ id: string; name: string; state: string; createdAt: string; cases: number }[]> {
    const rows = await this.tasks.find({ order: { createdAt: 'DESC', id: 'ASC' } });
    const out = [];
    for (const t of rows) out.push({ id: t.id, name: t.name, state: t.state, createdAt: t.createdAt.toISOString(), cases: await this.taskCases.countBy({ taskId: t.id }) });
    return out;
  }

  async cases(taskId: string): Promise<TaskCaseView[]> {
    const t = await this.taskEntity(taskId);
    const rows = await this.taskCases.find({ where: { taskId: t.id }, order: { agency: 'ASC', caseNumber: 'ASC' } });
    const states = await this.adjudications.signOffStates(rows.map((r) => r.reviewId).filter((x): x is string => !!x));
    return rows.map((r) => ({
      caseId: r.caseId,
      caseNumber: r.caseNumber,
      agency: r.agency,
      officers: JSON.parse(r.officers) as string[],
      reason: r.reason,
      evaluator: r.evaluatorId ? { id: r.evaluatorId, name: r.evaluatorName ?? '' } : null,
      reviewId: r.reviewId,
      state: r.reviewId ? (states.get(r.reviewId) ?? 'open') : 'unreviewed',
    }));
  }

  async get(taskId: string): Promise<TaskView> {
    const t = await this.taskEntity(taskId);
    const params = JSON.parse(t.params) as TaskParams;
    const cases = await this.cases(t.id);
    const view: TaskView = {
      id: t.id,
      name: t.name,
      sheetId: t.sheetId,
      state: t.state,
      createdAt: t.createdAt.toISOString(),
      createdBy: { id: t.createdById, name: t.createdByName },
      params,
      draw: JSON.parse(t.draw) as TaskDraw,
      cases: cases.length,
      progress: params.reviewers.map((e) => {
        const mine = cases.filter((c) => c.evaluator?.id === e.id);
        return {
          evaluatorId: e.id,
          name: e.name,
          agency: e.agency,
          assigned: mine.length,
          reviewed: mine.filter((c) => c.state !== 'unreviewed').length,
          signed: mine.filter((c) => c.state === 'signed' || c.state === 'approved').length,
          approved: mine.filter((c) => c.state === 'approved').length,
          returned: mine.filter((c) => c.state === 'returned').length,
        };
      }),
    };
    if (t.publishedAt) view.publishedAt = t.publishedAt.toISOString();
    return view;
  }

  private async taskCase(taskId: string, caseId: string): Promise<{ task: EvaluationTaskEntity; row: EvaluationTaskCaseEntity; params: TaskParams }> {
    const task = await this.taskEntity(taskId);
    const row = await this.taskCases.findOneBy({ taskId: task.id, caseId: caseId.toLowerCase() });
    if (!row) notFound(`案卷 ${caseId} 不在评查任务「${task.name}」中`, 'TASK_CASE_NOT_FOUND');
    return { task, row, params: JSON.parse(task.params) as TaskParams };
  }

  // ——— per case: machine review, judgement, sign-off, 复核 ———

  /** POST …/cases/:caseId/review — the assigned reviewer runs the machine review the task's judgement applies to. */
  async startReview(taskId: string, caseId: string, user: ActingUser): Promise<AdjudicatedView> {
    const { task, row } = await this.taskCase(taskId, caseId);
    if (row.evaluatorId !== user.id && !hasRole(user, ['admin'])) throw apiError(403, 'NOT_ASSIGNED', `案卷 ${row.caseNumber} 未分配给您评查`);
    if (row.reviewId) {
      const s = await this.adjudications.signOffOf(row.reviewId);
      if (s.state === 'signed' || s.state === 'approved') conflict(`案卷 ${row.caseNumber} 的评查已签署，不能重新审查`, 'REVIEW_SIGNED');
    }
    return this.unscoped(async () => {
      const stored = await this.reviews.reviewStored(row.caseId, { mode: 'review' });
      await this.taskCases.update({ id: row.id }, { reviewId: stored.id });
      await this.record(user, 'evaluation_task.review', 'evaluation_task_case', row.id, row.caseId, row.reviewId ? { reviewId: row.reviewId } : undefined, { taskId: task.id, reviewId: stored.id });
      return this.adjudications.view(row.caseId, stored.id, task.sheetId, task.id);
    });
  }

  /**
   * Who may work on a task case: its assigned reviewer (admins too). Cross-agency review (交叉评查) reads a case
   * of another agency, so the work runs without the request's agency scope once the assignment is checked.
   */
  private async asAssigned<T>(taskId: string, caseId: string, user: ActingUser, fn: (row: EvaluationTaskCaseEntity, task: EvaluationTaskEntity) => Promise<T>): Promise<T> {
    const { task, row } = await this.taskCase(taskId, caseId);
    if (row.evaluatorId !== user.id && !hasRole(user, ['admin'])) throw apiError(403, 'NOT_ASSIGNED', `案卷 ${row.caseNumber} 未分配给您评查`);
    if (!row.reviewId) conflict(`案卷 ${row.caseNumber} 尚未开始评查（POST /api/evaluation-tasks/${task.id}/cases/${row.caseId}/review）`, 'REVIEW_NOT_STARTED');
    return this.unscoped(() => fn(row, task));
  }

  /** Readers of a task case: its reviewer, the task's 组长, evaluation admins; after publication the case's agency. */
  private async asReader<T>(taskId: string, caseId: string, user: ActingUser, fn: (row: EvaluationTaskCaseEntity, task: EvaluationTaskEntity) => Promise<T>): Promise<T> {
    const { task, row, params } = await this.taskCase(taskId, caseId);
    const ok =
      row.evaluatorId === user.id ||
      params.leaders.some((l) => l.id === user.id) ||
      hasRole(user, ADMIN_ROLES) ||
      (task.state !== 'open' && this.ownAgency(user, row));
    if (!ok) throw apiError(403, 'FORBIDDEN', `无权查看案卷 ${row.caseNumber} 的评查结果`);
    if (!row.reviewId) notFound(`案卷 ${row.caseNumber} 尚未开始评查`, 'REVIEW_NOT_FOUND');
    return this.unscoped(() => fn(row, task));
  }

  /** The user belongs to the case's agency (or an agency above it). */
  private ownAgency(user: ActingUser, row: EvaluationTaskCaseEntity): boolean {
    return !!row.agencyId && !!user.agencyIds?.includes(row.agencyId);
  }

  /**
   * Run case work without the request's agency scope (the caller has checked the task's own access rules): the
   * request id stays, so the audit entries still name the request; the acting user is passed explicitly.
   */
  private unscoped<T>(fn: () => Promise<T>): Promise<T> {
    const ctx = currentRequest();
    return ctx ? withRequestContext({ requestId: ctx.requestId, ...(ctx.ip ? { ip: ctx.ip } : {}) }, fn) : fn();
  }

  async caseView(taskId: string, caseId: string, user: ActingUser): Promise<AdjudicatedView> {
    return this.asReader(taskId, caseId, user, (row, task) => this.adjudications.view(row.caseId, row.reviewId!, task.sheetId, task.id));
  }

  async report(taskId: string, caseId: string, user: ActingUser): Promise<{ pdf: Uint8Array; fileName: string }> {
    return this.asReader(taskId, caseId, user, (row, task) => this.adjudications.report(row.caseId, row.reviewId!, task.sheetId, task.id));
  }

  rule(taskId: string, caseId: string, user: ActingUser, body: unknown) {
    return this.asAssigned(taskId, caseId, user, (row, task) => this.adjudications.rule(row.caseId, user, body, { context: task.id, reviewId: row.reviewId! }));
  }

  withdraw(taskId: string, caseId: string, rulingId: string, user: ActingUser) {
    return this.asAssigned(taskId, caseId, user, (row, task) => this.adjudications.withdraw(row.caseId, rulingId, user, { context: task.id, reviewId: row.reviewId! }));
  }

  addManualFinding(taskId: string, caseId: string, user: ActingUser, body: unknown) {
    return this.asAssigned(taskId, caseId, user, (row, task) => this.adjudications.addManualFinding(row.caseId, user, withSheet(body, task.sheetId), { context: task.id, reviewId: row.reviewId! }));
  }

  setManualScore(taskId: string, caseId: string, itemId: string, user: ActingUser, body: unknown) {
    return this.asAssigned(taskId, caseId, user, (row, task) =>
      this.adjudications.setManualScore(row.caseId, itemId, user, withSheet(body, task.sheetId), { context: task.id, reviewId: row.reviewId! }),
    );
  }

  withdrawManual(taskId: string, caseId: string, judgementId: string, user: ActingUser) {
    return this.asAssigned(taskId, caseId, user, (row, task) => this.adjudications.withdrawManual(row.caseId, judgementId, user, { context: task.id, reviewId: row.reviewId! }));
  }

  /** POST …/cases/:caseId/sign-off — sign: the assigned reviewer; approve / return: a 组长 of the task. */
  async signOff(taskId: string, caseId: string, user: ActingUser, body: unknown): Promise<AdjudicatedView> {
    const { task, row, params } = await this.taskCase(taskId, caseId);
    if (!row.reviewId) conflict(`案卷 ${row.caseNumber} 尚未开始评查`, 'REVIEW_NOT_STARTED');
    const action = (body as { action?: unknown } | null)?.action;
    if (action === 'sign' && row.evaluatorId !== user.id) throw apiError(403, 'NOT_ASSIGNED', `案卷 ${row.caseNumber} 由 ${row.evaluatorName ?? '其他人员'} 评查，应由其签署`);
    if ((action === 'approve' || action === 'return') && !params.leaders.some((l) => l.id === user.id)) {
      throw apiError(403, 'NOT_LEADER', `复核须由本任务的组长（${params.leaders.map((l) => l.name).join('、')}）进行`);
    }
    return this.unscoped(() => this.adjudications.signOff(row.caseId, row.reviewId!, user, body, task.sheetId, task.id));
  }

  /** POST …/publish — the agencies may see their results and object. */
  async publish(taskId: string, user: ActingUser): Promise<TaskView> {
    requireRole(user, ADMIN_ROLES, '发布评查结果');
    const t = await this.taskEntity(taskId);
    if (t.state !== 'open') conflict('评查结果已发布', 'TASK_PUBLISHED');
    await this.tasks.update({ id: t.id }, { state: 'published', publishedAt: new Date() });
    await this.record(user, 'evaluation_task.publish', 'evaluation_task', t.id, undefined, { state: t.state }, { state: 'published' });
    return this.get(t.id);
  }

  // ——— results ———

  /** Upheld objections act as dismissals by the reviewer who answered them, on top of the signed judgement. */
  private async outcomes(task: EvaluationTaskEntity): Promise<TaskCaseOutcome[]> {
    const rows = await this.taskCases.find({ where: { taskId: task.id }, order: { caseNumber: 'ASC' } });
    const upheld = await this.objections.find({ where: { taskId: task.id, outcome: 'upheld' } });
    const out: TaskCaseOutcome[] = [];
    for (const r of rows) {
      const o: TaskCaseOutcome = { caseId: r.caseId, caseNumber: r.caseNumber, agency: r.agency, officers: JSON.parse(r.officers) as string[], state: 'unreviewed' };
      if (r.evaluatorId) o.evaluator = { id: r.evaluatorId, name: r.evaluatorName ?? '' };
      if (r.reviewId) {
        const s = await this.adjudications.signOffOf(r.reviewId);
        o.state = s.state;
        const snapshot = await this.adjudications.snapshotOf(r.reviewId);
        if (snapshot) {
          const mine = upheld.filter((x) => x.caseId === r.caseId);
          if (mine.length === 0) o.adjudicated = snapshot.adjudicated;
          else {
            const review = await this.adjudications.reviewOf(r.caseId, r.reviewId);
            const extra: Ruling[] = [];
            for (const x of mine) {
              const f = snapshot.adjudicated.findings.find((y) => y.finding.fingerprint === x.fingerprint);
              if (!f) continue;
              extra.push({
                id: `objection:${x.id}`,
                ruleId: f.finding.ruleId,
                fingerprint: f.finding.fingerprint,
                factsDigest: f.factsDigest,
                refs: f.ruling?.refs ?? '',
                decision: 'dismissed',
                reason: `异议成立：${x.answer ?? ''}`,
                title: f.finding.title,
                by: { id: x.answeredById ?? '', name: x.answeredByName ?? '' },
                at: x.answeredAt!.toISOString(),
              });
            }
            const stored = await this.caseFiles.findOneByOrFail({ id: r.caseId });
            o.adjudicated = this.adjudications.compute(review.result, JSON.parse(stored.document) as CaseFile, snapshot, extra);
          }
        }
      }
      out.push(o);
    }
    return out;
  }

  async results(taskId: string): Promise<{ task: TaskView; results: TaskResults }> {
    const t = await this.taskEntity(taskId);
    const tickRows = await this.ticks.find({ where: { taskId: t.id } });
    const ticks = new Map<string, RectificationTick>(
      tickRows.map((r) => [r.itemKey, r.note ? { done: r.done, by: { id: r.byId, name: r.byName }, at: r.updatedAt.toISOString(), note: r.note } : { done: r.done, by: { id: r.byId, name: r.byName }, at: r.updatedAt.toISOString() }]),
    );
    return { task: await this.get(t.id), results: computeTaskResults(await this.outcomes(t), ticks) };
  }

  /** Results as the user may see them: organisers, reviewers and 组长 all; anyone else only their agency's rows. */
  async resultsFor(taskId: string, user: ActingUser): Promise<{ task: TaskView; results: TaskResults }> {
    const all = await this.results(taskId);
    if (await this.seesAll(taskId, user)) return all;
    const t = await this.taskEntity(taskId);
    if (t.state === 'open') throw apiError(403, 'TASK_NOT_PUBLISHED', '评查结果尚未发布');
    const mine = new Set((await this.taskCases.find({ where: { taskId: t.id } })).filter((r) => this.ownAgency(user, r)).map((r) => r.agency));
    const r = all.results;
    return {
      task: all.task,
      results: {
        ...r,
        ranking: r.ranking.filter((x) => mine.has(x.agency)),
        agencies: r.agencies.filter((x) => mine.has(x.agency)),
        officers: r.officers.filter((x) => mine.has(x.agency)),
        topDefects: r.topDefects.filter((d) => d.agencies.some((a) => mine.has(a))),
        rectifications: r.rectifications.filter((x) => mine.has(x.agency)),
      },
    };
  }

  private async seesAll(taskId: string, user: ActingUser): Promise<boolean> {
    if (hasRole(user, ADMIN_ROLES)) return true;
    const t = await this.taskEntity(taskId);
    const params = JSON.parse(t.params) as TaskParams;
    return params.reviewers.some((e) => e.id === user.id) || params.leaders.some((l) => l.id === user.id);
  }

  async rectifications(taskId: string, user: ActingUser, agency?: string): Promise<TaskResults['rectifications']> {
    const { results } = await this.resultsFor(taskId, user);
    return agency ? results.rectifications.filter((r) => r.agency === agency) : results.rectifications;
  }

  async objectionsFor(taskId: string, user: ActingUser): Promise<ReturnType<EvaluationTasksService['objectionView']>[]> {
    const all = await this.objectionsOf(taskId);
    if (await this.seesAll(taskId, user)) return all;
    const t = await this.taskEntity(taskId);
    const mine = new Set((await this.taskCases.find({ where: { taskId: t.id } })).filter((r) => this.ownAgency(user, r)).map((r) => r.caseId));
    return all.filter((o) => mine.has(o.caseId));
  }

  /** PUT …/rectifications {key, done, note?} — tick a 整改 item off (or un-tick it). */
  async tick(taskId: string, user: ActingUser, body: unknown): Promise<TaskResults['rectifications'][number]['items'][number]> {
    requireRole(user, ['officer', 'evaluation_admin', ...REVIEWER_ROLES], '整改销号');
    const b = new BodyReader(body, ['key', 'done', 'note']);
    const key = b.string('key', '整改事项（key）', { required: true, max: 200 });
    const done = b.boolean('done', '是否已整改（done）', { required: true });
    const note = b.string('note', '整改说明（note）', { max: 2000 });
    b.done('整改数据有误');
    const { results } = await this.results(taskId);
    const item = results.rectifications.flatMap((r) => r.items).find((i) => i.key === key);
    if (!item) notFound(`整改清单中没有该事项：${key}`, 'RECTIFICATION_NOT_FOUND', [{ path: 'body.key', code: 'RECTIFICATION_NOT_FOUND', message: '整改清单中没有该事项' }]);
    const t = await this.taskEntity(taskId);
    const now = new Date();
    const existing = await this.ticks.findOneBy({ taskId: t.id, itemKey: key! });
    await this.record(user, 'evaluation_task.rectification', 'evaluation_rectification', key!, item.caseId, existing ? { done: existing.done, note: existing.note } : undefined, { done, note: note ?? null });
    if (existing) await this.ticks.update({ id: existing.id }, { done: done!, note: note ?? null, byId: user.id, byName: user.displayName, updatedAt: now });
    else await this.ticks.insert({ id: randomUUID(), taskId: t.id, itemKey: key!, done: done!, note: note ?? null, byId: user.id, byName: user.displayName, updatedAt: now });
    const out = { ...item, done: done! };
    if (done) {
      out.doneBy = actorOf(user);
      out.doneAt = now.toISOString();
    } else {
      delete out.doneBy;
      delete out.doneAt;
    }
    if (note) out.note = note;
    else delete out.note;
    return out;
  }

  // ——— 异议 ———

  async objectionsOf(taskId: string): Promise<ReturnType<EvaluationTasksService['objectionView']>[]> {
    const t = await this.taskEntity(taskId);
    const rows = await this.objections.find({ where: { taskId: t.id }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map((r) => this.objectionView(r));
  }

  objectionView(r: ObjectionEntity) {
    return {
      id: r.id,
      caseId: r.caseId,
      fingerprint: r.fingerprint,
      ruleId: r.ruleId,
      title: r.title,
      reason: r.reason,
      by: { id: r.byId, name: r.byName },
      at: r.createdAt.toISOString(),
      outcome: r.outcome,
      answer: r.answer,
      answeredBy: r.answeredById ? { id: r.answeredById, name: r.answeredByName ?? '' } : null,
      answeredAt: r.answeredAt ? r.answeredAt.toISOString() : null,
    };
  }

  /** POST …/cases/:caseId/objections {fingerprint, reason} — after publication, on a finding of the signed result. */
  async object(taskId: string, caseId: string, user: ActingUser, body: unknown) {
    requireRole(user, ['officer', 'reviewer', 'admin'], '提出异议');
    const b = new BodyReader(body, ['fingerprint', 'reason']);
    const fingerprint = b.string('fingerprint', '问题指纹（fingerprint）', { required: true, max: 80 });
    const reason = b.string('reason', '异议理由（reason）', { required: true, max: 4000 });
    b.done('异议数据有误');
    const { task, row } = await this.taskCase(taskId, caseId);
    if (task.state !== 'published') conflict('评查结果发布后方可提出异议', 'TASK_NOT_PUBLISHED');
    if (!this.ownAgency(user, row) && !hasRole(user, ['admin'])) throw apiError(403, 'NOT_OWN_AGENCY', `只有 ${row.agency} 可以对本单位案卷的评查结果提出异议`);
    const snapshot = row.reviewId ? await this.adjudications.snapshotOf(row.reviewId) : undefined;
    const f = snapshot?.adjudicated.findings.find((x) => x.finding.fingerprint === fingerprint && x.status !== 'dismissed');
    if (!f) {
      notFound(`案卷 ${row.caseNumber} 的评查结果中没有该问题`, 'FINDING_NOT_FOUND', [{ path: 'body.fingerprint', code: 'FINDING_NOT_FOUND', message: '评查结果中没有该问题' }]);
    }
    const open = await this.objections.findOneBy({ taskId: task.id, caseId: row.caseId, fingerprint: fingerprint! });
    if (open && !open.outcome) conflict('该问题已有尚未答复的异议', 'OBJECTION_PENDING');
    const e = this.objections.create({
      id: randomUUID(),
      taskId: task.id,
      caseId: row.caseId,
      fingerprint: fingerprint!,
      ruleId: f.finding.ruleId,
      title: f.finding.title,
      reason: reason!,
      byId: user.id,
      byName: user.displayName,
      createdAt: new Date(),
      outcome: null,
      answer: null,
      answeredById: null,
      answeredByName: null,
      answeredAt: null,
    });
    await this.objections.insert(e);
    await this.record(user, 'evaluation_task.objection', 'evaluation_objection', e.id, row.caseId, undefined, this.objectionView(e));
    return this.objectionView(e);
  }

  /** POST …/objections/:oid/answer {outcome: upheld|rejected, answer} — the case's reviewer or a 组长. */
  async answer(taskId: string, objectionId: string, user: ActingUser, body: unknown) {
    const b = new BodyReader(body, ['outcome', 'answer']);
    const outcome = b.oneOf('outcome', '答复结论（outcome）', ['upheld', 'rejected'] as const, { required: true });
    const answer = b.string('answer', '答复意见（answer）', { required: true, max: 4000 });
    b.done('答复数据有误');
    const task = await this.taskEntity(taskId);
    const o = await this.objections.findOneBy({ id: objectionId.toLowerCase(), taskId: task.id });
    if (!o) notFound(`没有编号为 ${objectionId} 的异议`, 'OBJECTION_NOT_FOUND');
    if (o.outcome) conflict('该异议已答复', 'OBJECTION_ANSWERED');
    const { row, params } = await this.taskCase(task.id, o.caseId);
    if (row.evaluatorId !== user.id && !params.leaders.some((l) => l.id === user.id)) {
      throw apiError(403, 'NOT_ASSIGNED', '异议须由该案卷的评查人员或本任务的组长答复');
    }
    const now = new Date();
    await this.objections.update({ id: o.id }, { outcome: outcome!, answer: answer!, answeredById: user.id, answeredByName: user.displayName, answeredAt: now });
    await this.record(user, 'evaluation_task.objection_answer', 'evaluation_objection', o.id, o.caseId, this.objectionView(o), { outcome, answer });
    return this.objectionView({ ...o, outcome: outcome!, answer: answer!, answeredById: user.id, answeredByName: user.displayName, answeredAt: now });
  }

  /** GET …/results.{json,csv,xlsx,pdf} — the results with the task's parameters. */
  async exportResults(taskId: string, format: string): Promise<{ body: Buffer; contentType: string; fileName: string }> {
    const { task, results } = await this.results(taskId);
    const fileName = (ext: string) => `${task.name}-评查结果.${ext}`;
    switch (format) {
      case 'json':
        return { body: Buffer.from(JSON.stringify(taskResultsJson(task, results), null, 2)), contentType: 'application/json; charset=utf-8', fileName: fileName('json') };
      case 'csv':
        return { body: Buffer.from(taskResultsCsv(task, results)), contentType: 'text/csv; charset=utf-8', fileName: fileName('csv') };
      case 'xlsx':
        return { body: await taskResultsXlsx(task, results), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: fileName('xlsx') };
      case 'pdf':
        return { body: Buffer.from(await taskResultsPdf(task, results)), contentType: 'application/pdf', fileName: fileName('pdf') };
      default:
        notFound(`不支持的导出格式：${format}（可用：json、csv、xlsx、pdf）`, 'UNKNOWN_EXPORT_FORMAT');
    }
  }

  /** Case ids of a task (for tests and the web app). */
  async caseIds(taskId: string): Promise<string[]> {
    const t = await this.taskEntity(taskId);
    return (await this.taskCases.find({ where: { taskId: t.id }, select: ['caseId'] })).map((r) => r.caseId);
  }
}

