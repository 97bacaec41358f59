import { createHash, randomUUID } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type Repository } from 'typeorm';
import { CasesService } from '../cases/cases.service';
import { apiError, badRequest, conflict, notFound } from '../common/errors';
import {
  AdjudicationError,
  adjudicate,
  applyRulings,
  applySignOffEvent,
  checkManualFinding,
  checkManualScore,
  currentRulings,
  factRefs,
  factsDigest,
  isEditable,
  newSignOff,
  replaySignOff,
  scoresItems,
  SIGN_OFF_STATE_LABEL,
  type AdjudicatedReview,
  type Explanation,
  type ManualFinding,
  type ManualScore,
  type Ruling,
  type SignOff,
  type SignOffEvent,
  type SignOffState,
} from '../core/adjudication';
import type { CaseFile } from '../core/case-file/types';
import type { ReviewResult } from '../core/engine/types';
import { renderReviewReport, reportFileName, type ReportJudgement } from '../core/report';
import { availableScoringSheetIds, loadScoringSheet, ScoringSheetNotFoundError, type ScoringSheet } from '../core/scoring';
import { EvaluationTaskCaseEntity } from '../evaluation-tasks/evaluation-task.entities';
import { ReviewEntity } from '../review/review.entity';
import { AuditService } from '../audit/audit.service';
import { actorOf, recordAs, requireRole, REVIEWER_ROLES, type ActingUser } from './acting-user';
import { ExplanationEntity, ManualJudgementEntity, RulingEntity, SignOffEntity } from './adjudication.entities';
import { BodyReader } from './body';

/** What a signed review keeps: the inputs as they were at signing and the adjudicated result. */
export interface SignedSnapshot {
  reviewId: string;
  sheetId: string;
  rulings: Ruling[];
  explanations: Explanation[];
  manualFindings: ManualFinding[];
  manualScores: ManualScore[];
  adjudicated: AdjudicatedReview;
}

export interface ReviewRef {
  id: string;
  caseId: string;
  caseVersion: number;
  createdAt: string;
  result: ReviewResult;
}

export interface AdjudicatedView {
  caseId: string;
  caseNumber: string;
  review: { id: string; caseVersion: number; createdAt: string; mode: ReviewResult['mode']; asOf: string; latest: boolean };
  sheetId: string;
  signOff: SignOff;
  /** signed or approved: the result shown is the one signed, later rulings do not change it */
  frozen: boolean;
  adjudicated: AdjudicatedReview;
}

const ROLE_RULE = REVIEWER_ROLES;

/** Which judgement a change belongs to: the case's own (context '', latest review) or a task's (its review). */
export interface JudgementTarget {
  context: string;
  reviewId?: string;
}
const OWN: JudgementTarget = { context: '' };
const ROLE_EXPLAIN = ['officer', 'reviewer', 'evaluation_admin', 'admin'] as const;
const SEVERITIES = ['veto', 'error', 'warning', 'info'] as const;

function toRuling(e: RulingEntity): Ruling {
  const r: Ruling = {
    id: e.id,
    ruleId: e.ruleId,
    fingerprint: e.fingerprint,
    factsDigest: e.factsDigest,
    refs: e.refs,
    decision: e.decision,
    title: e.title,
    by: { id: e.byId, name: e.byName },
    at: e.createdAt.toISOString(),
  };
  if (e.reason) r.reason = e.reason;
  return r;
}

function toManualFinding(e: ManualJudgementEntity): ManualFinding {
  const m: ManualFinding = {
    id: e.id,
    item: e.item,
    categoryId: e.categoryId,
    severity: e.severity ?? 'error',
    points: e.points,
    text: e.text ?? '',
    by: { id: e.byId, name: e.byName },
    at: e.createdAt.toISOString(),
  };
  if (e.vetoId) m.vetoId = e.vetoId;
  if (e.evidence) m.evidence = e.evidence;
  return m;
}

function toManualScore(e: ManualJudgementEntity): ManualScore {
  const s: ManualScore = { id: e.id, itemId: e.categoryId, score: e.points, by: { id: e.byId, name: e.byName }, at: e.createdAt.toISOString() };
  if (e.text) s.note = e.text;
  return s;
}

/** AdjudicationError from the core → 400 (bad input, with its body path) or 409 (the state forbids it). */
export function adjudicationHttpError(e: unknown, pathPrefix = 'body'): never {
  if (e instanceof AdjudicationError) {
    const state = ['SIGN_OFF_FROZEN', 'NOT_SIGNED', 'SAME_REVIEWER'].includes(e.code);
    if (state) conflict(e.message, e.code);
    badRequest([{ path: e.path ? `${pathPrefix}.${e.path}` : pathPrefix, code: e.code, message: e.message }], e.message, e.code);
  }
  throw e;
}

/**
 * 人工评查 of stored cases: rulings on findings, officers' explanations, manual findings and scores, and the
 * sign-off of each stored review. Rulings and manual items belong to the case (they survive re-reviews);
 * a sign-off belongs to one review (version) and freezes what that review shows.
 */
@Injectable()
export class AdjudicationsService {
  // Nest constructor injection: one repository per table the service reads or writes (the framework's shape,
  // alike in every service, not shared logic)
  constructor(
    @InjectRepository(RulingEntity) private readonly rulings: Repository<RulingEntity>,
    @InjectRepository(ExplanationEntity) private readonly explanations: Repository<ExplanationEntity>,
    @InjectRepository(ManualJudgementEntity) private readonly manual: Repository<ManualJudgementEntity>,
    @InjectRepository(SignOffEntity) private readonly signOffs: Repository<SignOffEntity>,
    @InjectRepository(ReviewEntity) private readonly reviews: Repository<ReviewEntity>,
    @InjectRepository(EvaluationTaskCaseEntity) private readonly taskCases: Repository<EvaluationTaskCaseEntity>,
    private readonly cases: CasesService,
    private readonly audit: AuditService,
  ) {}

  /** Every ruling, explanation, manual judgement and signature is in the audit log. */
  private record(user: ActingUser, action: string, entityType: string, entityId: string, caseId: string, before?: unknown, after?: unknown): Promise<void> {
    return recordAs(this.audit, user, { action, entityType, entityId, caseId, before, after });
  }

  // ——— reviews ———

  private toRef(row: ReviewEntity): ReviewRef {
    return { id: row.id, caseId: row.caseId, caseVersion: row.caseVersion, createdAt: row.createdAt.toISOString(), result: JSON.parse(row.result) as ReviewResult };
  }

  /** The case's latest own review: reviews made for an evaluation task belong to the task, not to the case. */
  async latestReview(caseId: string): Promise<ReviewRef | undefined> {
    const row = await this.reviews
      .createQueryBuilder('r')
      .where('r.case_id = :caseId', { caseId })
      .andWhere('r.id NOT IN (SELECT t.review_id FROM evaluation_task_cases t WHERE t.case_id = :caseId AND t.review_id IS NOT NULL)', { caseId })
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .getOne();
    return row ? this.toRef(row) : undefined;
  }

  /** '' for the case's own review, the task id for a review made in an evaluation task. */
  async contextOf(reviewId: string): Promise<string> {
    return (await this.taskCases.findOne({ where: { reviewId }, select: ['taskId'] }))?.taskId ?? '';
  }

  /** The review named, or the case's latest; 404 REVIEW_NOT_FOUND. */
  async reviewOf(caseId: string, reviewId?: string): Promise<ReviewRef> {
    const entity = await this.cases.getEntity(caseId);
    if (reviewId !== undefined) {
      const row = await this.reviews.findOne({ where: { id: reviewId.toLowerCase(), caseId: entity.id } });
      if (!row) notFound(`案卷 ${entity.caseNumber} 没有编号为 ${reviewId} 的审查结果`, 'REVIEW_NOT_FOUND');
      return this.toRef(row);
    }
    const latest = await this.latestReview(entity.id);
    if (!latest) notFound(`案卷 ${entity.caseNumber} 尚未审查；请先 POST /api/cases/${entity.id}/reviews`, 'REVIEW_NOT_FOUND');
    return latest;
  }

  async signOffOf(reviewId: string): Promise<SignOff> {
    const row = await this.signOffs.findOne({ where: { reviewId } });
    return row ? replaySignOff(JSON.parse(row.events) as SignOffEvent[]) : newSignOff();
  }

  async signOffStates(reviewIds: string[]): Promise<Map<string, SignOffState>> {
    const out = new Map<string, SignOffState>();
    if (reviewIds.length === 0) return out;
    const rows = await this.signOffs.createQueryBuilder('s').where('s.review_id IN (:...ids)', { ids: reviewIds }).getMany();
    for (const r of rows) out.set(r.reviewId, r.state);
    return out;
  }

  /**
   * Changes to a judgement apply to a review — the case's latest own review, or the task's review of the case —
   * and are refused while that review is signed.
   */
  private async assertEditable(caseId: string, target: JudgementTarget): Promise<ReviewRef> {
    const review = await this.reviewOf(caseId, target.reviewId);
    if ((await this.contextOf(review.id)) !== target.context) conflict('该审查属于年度评查任务，须通过评查任务操作', 'REVIEW_IN_TASK');
    const s = await this.signOffOf(review.id);
    if (!isEditable(s)) {
      conflict(
        `最近一次审查${SIGN_OFF_STATE_LABEL[s.state]}，已冻结；如需改变裁定或人工评查，请先重新审查（POST /api/cases/${caseId}/reviews）开始新版本`,
        'REVIEW_SIGNED',
      );
    }
    return review;
  }

  // ——— rulings ———

  async listRulings(caseId: string): Promise<{
    caseId: string;
    reviewId: string | null;
    rulings: Ruling[];
    history: (Ruling & { withdrawnAt?: string; withdrawnBy?: { id: string; name: string } })[];
    findings: { fingerprint: string; ruleId: string; title: string; status: string; ruling?: Ruling }[];
    staleRulings: AdjudicatedReview['staleRulings'];
  }> {
    const entity = await this.cases.getEntity(caseId);
    const rows = await this.rulings.find({ where: { caseId: entity.id, context: '' }, order: { createdAt: 'ASC', id: 'ASC' } });
    const active = rows.filter((r) => !r.withdrawnAt).map(toRuling);
    const history = rows.map((r) => {
      const out: Ruling & { withdrawnAt?: string; withdrawnBy?: { id: string; name: string } } = toRuling(r);
      if (r.withdrawnAt) {
        out.withdrawnAt = r.withdrawnAt.toISOString();
        out.withdrawnBy = { id: r.withdrawnById ?? '', name: r.withdrawnByName ?? '' };
      }
      return out;
    });
    const latest = await this.latestReview(entity.id);
    if (!latest) return { caseId: entity.id, reviewId: null, rulings: active, history, findings: [], staleRulings: [] };
    const a = applyRulings(latest.result, active);
    return {
      caseId: entity.id,
      reviewId: latest.id,
      rulings: active,
      history,
      findings: a.findings.map((f) => {
        const o: { fingerprint: string; ruleId: string; title: string; status: string; ruling?: Ruling } = {
          fingerprint: f.finding.fingerprint,
          ruleId: f.finding.ruleId,
          title: f.finding.title,
          status: f.status,
        };
        if (f.ruling) o.ruling = f.ruling;
        return o;
      }),
      staleRulings: a.staleRulings,
    };
  }

  /** POST /api/cases/:id/adjudications {fingerprint, decision, reason} — on a finding of the latest review. */
  async rule(caseId: string, user: ActingUser, body: unknown, target: JudgementTarget = OWN): Promise<Ruling> {
    requireRole(user, ROLE_RULE, '对检查结果作出裁定');
    const b = new BodyReader(body, ['fingerprint', 'decision', 'reason']);
    const fingerprint = b.string('fingerprint', '问题指纹（fingerprint）', { required: true, max: 80 });
    const decision = b.oneOf('decision', '裁定（decision）', ['accepted', 'dismissed'] as const, { required: true });
    const reason = b.string('reason', '裁定理由（reason）', { required: decision === 'dismissed', max: 2000 });
    b.done('裁定数据有误');
    const review = await this.assertEditable(caseId, target);
    const finding = review.result.findings.find((f) => f.fingerprint === fingerprint);
    if (!finding) {
      notFound(`最近一次审查中没有该问题（fingerprint ${fingerprint}）`, 'FINDING_NOT_FOUND', [
        { path: 'body.fingerprint', code: 'FINDING_NOT_FOUND', message: '最近一次审查中没有该问题' },
      ]);
    }
    const now = new Date();
    const actor = actorOf(user);
    const superseded = await this.rulings.findOne({ where: { caseId: review.caseId, context: target.context, fingerprint: finding.fingerprint, withdrawnAt: IsNull() } });
    // a new ruling supersedes the one in force on the same finding
    await this.rulings.update(
      { caseId: review.caseId, context: target.context, fingerprint: finding.fingerprint, withdrawnAt: IsNull() },
      { withdrawnAt: now, withdrawnById: actor.id, withdrawnByName: actor.name },
    );
    const row = this.rulings.create({
      id: randomUUID(),
      caseId: review.caseId,
      context: target.context,
      ruleId: finding.ruleId,
      fingerprint: finding.fingerprint,
      factsDigest: factsDigest(finding),
      refs: factRefs(finding),
      decision: decision!,
      reason: reason ?? null,
      title: finding.title,
      reviewId: review.id,
      byId: actor.id,
      byName: actor.name,
      createdAt: now,
      withdrawnAt: null,
      withdrawnById: null,
      withdrawnByName: null,
    });
    await this.rulings.insert(row);
    const out = toRuling(row);
    await this.record(user, 'adjudication.rule', 'ruling', row.id, review.caseId, superseded ? toRuling(superseded) : undefined, { ...out, reviewId: review.id });
    return out;
  }

  /** DELETE /api/cases/:id/adjudications/:rulingId — 撤回 (kept in the history). */
  async withdraw(caseId: string, rulingId: string, user: ActingUser, target: JudgementTarget = OWN): Promise<{ before: Ruling; withdrawnAt: string }> {
    requireRole(user, ROLE_RULE, '撤回裁定');
    const review = await this.assertEditable(caseId, target);
    const row = await this.rulings.findOne({ where: { id: rulingId.toLowerCase(), caseId: review.caseId, context: target.context } });
    if (!row) notFound(`没有编号为 ${rulingId} 的裁定`, 'RULING_NOT_FOUND');
    if (row.withdrawnAt) conflict('该裁定已撤回', 'RULING_WITHDRAWN');
    const now = new Date();
    await this.rulings.update({ id: row.id }, { withdrawnAt: now, withdrawnById: user.id, withdrawnByName: user.displayName });
    await this.record(user, 'adjudication.withdraw', 'ruling', row.id, review.caseId, toRuling(row), { withdrawnAt: now.toISOString() });
    return { before: toRuling(row), withdrawnAt: now.toISOString() };
  }

  // ——— explanations (情况说明) ———

  async explain(caseId: string, user: ActingUser, body: unknown): Promise<Explanation> {
    requireRole(user, ROLE_EXPLAIN, '提交情况说明');
    const b = new BodyReader(body, ['fingerprint', 'text']);
    const fingerprint = b.string('fingerprint', '问题指纹（fingerprint）', { required: true, max: 80 });
    const text = b.string('text', '情况说明（text）', { required: true, max: 4000 });
    b.done('情况说明有误');
    const review = await this.reviewOf(caseId);
    if (!review.result.findings.some((f) => f.fingerprint === fingerprint)) {
      notFound(`最近一次审查中没有该问题（fingerprint ${fingerprint}）`, 'FINDING_NOT_FOUND', [
        { path: 'body.fingerprint', code: 'FINDING_NOT_FOUND', message: '最近一次审查中没有该问题' },
      ]);
    }
    const row = this.explanations.create({ id: randomUUID(), caseId: review.caseId, fingerprint: fingerprint!, text: text!, byId: user.id, byName: user.displayName, createdAt: new Date() });
    await this.explanations.insert(row);
    const out = { id: row.id, fingerprint: row.fingerprint, text: row.text, by: actorOf(user), at: row.createdAt.toISOString() };
    await this.record(user, 'adjudication.explain', 'explanation', row.id, review.caseId, undefined, out);
    return out;
  }

  // ——— manual findings and scores ———

  sheetOf(id: unknown, path = 'query.sheet'): ScoringSheet {
    if (id !== undefined && id !== '' && typeof id !== 'string') badRequest([{ path, code: 'UNKNOWN_SCORING_SHEET', message: 'sheet 只能给一个评分表编号' }]);
    try {
      return id ? loadScoringSheet(id as string) : loadScoringSheet();
    } catch (e) {
      if (e instanceof ScoringSheetNotFoundError) {
        badRequest([{ path, code: 'UNKNOWN_SCORING_SHEET', message: `未知的评分表：${e.sheetId}（可用：${availableScoringSheetIds().join('、')}）` }], '未知的评分表', 'UNKNOWN_SCORING_SHEET');
      }
      throw e;
    }
  }

  async addManualFinding(caseId: string, user: ActingUser, body: unknown, target: JudgementTarget = OWN): Promise<ManualFinding> {
    requireRole(user, ROLE_RULE, '认定人工评查问题');
    const b = new BodyReader(body, ['item', 'categoryId', 'severity', 'points', 'vetoId', 'text', 'evidence', 'sheet']);
    const item = b.string('item', '细则评查项目（item）', { required: true, max: 200 });
    const categoryId = b.string('categoryId', '评分项（categoryId）', { required: true, max: 100 });
    const severity = b.oneOf('severity', '严重程度（severity）', SEVERITIES, { required: true });
    const points = b.number('points', '扣分（points）', { required: true, min: 0, max: 1000 });
    const vetoId = b.string('vetoId', '否决项（vetoId）', { max: 20 });
    const text = b.string('text', '问题描述（text）', { required: true, max: 4000 });
    const evidence = b.string('evidence', '证据（evidence）', { max: 1000 });
    const sheet = this.sheetOf(b.raw('sheet'), 'body.sheet');
    b.done('人工评查问题有误');
    try {
      checkManualFinding({ categoryId: categoryId!, severity: severity!, vetoId, points: points! }, sheet);
    } catch (e) {
      adjudicationHttpError(e);
    }
    const review = await this.assertEditable(caseId, target);
    const row = this.manual.create({
      id: randomUUID(),
      caseId: review.caseId,
      context: target.context,
      kind: 'finding',
      sheetId: sheet.id,
      item: item!,
      categoryId: categoryId!,
      severity: severity!,
      points: points!,
      vetoId: vetoId ?? null,
      text: text!,
      evidence: evidence ?? null,
      byId: user.id,
      byName: user.displayName,
      createdAt: new Date(),
      withdrawnAt: null,
    });
    await this.manual.insert(row);
    const out = toManualFinding(row);
    await this.record(user, 'adjudication.manual_finding', 'manual_judgement', row.id, review.caseId, undefined, { ...out, sheetId: sheet.id });
    return out;
  }

  /** PUT /api/cases/:id/manual-scores/:itemId {score, note?, sheet?} — the newest score of an item counts. */
  async setManualScore(caseId: string, itemId: string, user: ActingUser, body: unknown, target: JudgementTarget = OWN): Promise<ManualScore> {
    requireRole(user, ROLE_RULE, '人工评分');
    const b = new BodyReader(body, ['score', 'note', 'sheet']);
    const score = b.number('score', '得分（score）', { required: true });
    const note = b.string('note', '说明（note）', { max: 2000 });
    const sheet = this.sheetOf(b.raw('sheet'), 'body.sheet');
    b.done('人工评分有误');
    try {
      checkManualScore({ itemId, score: score! }, sheet);
    } catch (e) {
      if (e instanceof AdjudicationError && e.path === 'itemId') {
        badRequest([{ path: 'params.itemId', code: e.code, message: e.message }], e.message, e.code);
      }
      adjudicationHttpError(e);
    }
    const review = await this.assertEditable(caseId, target);
    if (scoresItems(sheet)) {
      // the sheet knows its items and their points for this file's case type: score it with the new item once
      const caseFile = JSON.parse((await this.cases.getEntity(review.caseId)).document) as CaseFile;
      const inputs = await this.liveInputs(review.caseId, target.context, sheet);
      const trial: ManualScore = { id: 'trial', itemId, score: score!, by: actorOf(user), at: new Date().toISOString() };
      try {
        adjudicate({ review: review.result, sheet, caseFile, ...inputs, manualScores: [...inputs.manualScores.filter((m) => m.itemId !== itemId), trial] });
      } catch (e) {
        if (e instanceof AdjudicationError) badRequest([{ path: e.path === 'score' ? 'body.score' : 'params.itemId', code: e.code, message: e.message }], e.message, e.code);
        const msg = (e as Error).message;
        badRequest([{ path: 'body.score', code: 'SCORE_OUT_OF_RANGE', message: msg }], msg, 'SCORE_OUT_OF_RANGE');
      }
    }
    const now = new Date();
    await this.manual.update({ caseId: review.caseId, context: target.context, kind: 'score', sheetId: sheet.id, categoryId: itemId, withdrawnAt: IsNull() }, { withdrawnAt: now });
    const row = this.manual.create({
      id: randomUUID(),
      caseId: review.caseId,
      context: target.context,
      kind: 'score',
      sheetId: sheet.id,
      item: itemId,
      categoryId: itemId,
      severity: null,
      points: score!,
      vetoId: null,
      text: note ?? null,
      evidence: null,
      byId: user.id,
      byName: user.displayName,
      createdAt: now,
      withdrawnAt: null,
    });
    await this.manual.insert(row);
    const out = toManualScore(row);
    await this.record(user, 'adjudication.manual_score', 'manual_judgement', row.id, review.caseId, undefined, { ...out, sheetId: sheet.id });
    return out;
  }

  /** DELETE a manual finding or score (撤回). */
  async withdrawManual(caseId: string, id: string, user: ActingUser, target: JudgementTarget = OWN): Promise<{ id: string; kind: string; withdrawnAt: string }> {
    requireRole(user, ROLE_RULE, '撤回人工评查');
    const review = await this.assertEditable(caseId, target);
    const row = await this.manual.findOne({ where: { id: id.toLowerCase(), caseId: review.caseId, context: target.context } });
    if (!row || row.withdrawnAt) notFound(`没有编号为 ${id} 的人工评查记录`, 'MANUAL_JUDGEMENT_NOT_FOUND');
    const now = new Date();
    await this.manual.update({ id: row.id }, { withdrawnAt: now });
    await this.record(user, 'adjudication.manual_withdraw', 'manual_judgement', row.id, review.caseId, row.kind === 'score' ? toManualScore(row) : toManualFinding(row), { withdrawnAt: now.toISOString() });
    return { id: row.id, kind: row.kind, withdrawnAt: now.toISOString() };
  }

  // ——— the adjudicated review ———

  /** The judgement in force for a context; 情况说明 are the case's and shown in both. */
  private async liveInputs(caseId: string, context: string, sheet: ScoringSheet): Promise<Omit<SignedSnapshot, 'reviewId' | 'adjudicated'>> {
    const [rulingRows, explanationRows, manualRows] = await Promise.all([
      this.rulings.find({ where: { caseId, context, withdrawnAt: IsNull() }, order: { createdAt: 'ASC', id: 'ASC' } }),
      this.explanations.find({ where: { caseId }, order: { createdAt: 'ASC', id: 'ASC' } }),
      this.manual.find({ where: { caseId, context, sheetId: sheet.id, withdrawnAt: IsNull() }, order: { createdAt: 'ASC', id: 'ASC' } }),
    ]);
    return {
      sheetId: sheet.id,
      rulings: currentRulings(rulingRows.map(toRuling)),
      explanations: explanationRows.map((e) => ({ id: e.id, fingerprint: e.fingerprint, text: e.text, by: { id: e.byId, name: e.byName }, at: e.createdAt.toISOString() })),
      manualFindings: manualRows.filter((m) => m.kind === 'finding').map(toManualFinding),
      manualScores: manualRows.filter((m) => m.kind === 'score').map(toManualScore),
    };
  }

  /** Adjudicate a review with the given inputs (and extra rulings, e.g. from upheld objections). */
  compute(review: ReviewResult, caseFile: CaseFile, inputs: Omit<SignedSnapshot, 'reviewId' | 'adjudicated'>, extraRulings: Ruling[] = []): AdjudicatedReview {
    try {
      return adjudicate({
        review,
        caseFile,
        sheet: loadScoringSheet(inputs.sheetId),
        rulings: [...inputs.rulings, ...extraRulings],
        explanations: inputs.explanations,
        manualFindings: inputs.manualFindings,
        manualScores: inputs.manualScores,
      });
    } catch (e) {
      if (e instanceof AdjudicationError) throw apiError(HttpStatus.CONFLICT, e.code, `已记录的人工评查与评分表不一致：${e.message}`);
      throw e;
    }
  }

  /** The signed snapshot of a review, if it was signed. */
  async snapshotOf(reviewId: string): Promise<SignedSnapshot | undefined> {
    const row = await this.signOffs.findOne({ where: { reviewId } });
    return row?.snapshot ? (JSON.parse(row.snapshot) as SignedSnapshot) : undefined;
  }

  /** GET …/adjudicated — the review with everything decided about it (frozen once signed). */
  async view(caseId: string, reviewId?: string, sheetId?: unknown, taskContext = ''): Promise<AdjudicatedView> {
    const review = await this.reviewOf(caseId, reviewId);
    // an evaluation's review is read through its task (who may see it, and when, is the task's rule)
    if ((await this.contextOf(review.id)) !== taskContext) conflict('该审查属于年度评查任务，须通过评查任务查看', 'REVIEW_IN_TASK');
    const entity = await this.cases.getEntity(review.caseId);
    const latest = await this.latestReview(review.caseId);
    const signOff = await this.signOffOf(review.id);
    const frozen = !isEditable(signOff);
    let adjudicated: AdjudicatedReview;
    let usedSheet: string;
    const snapshot = frozen ? await this.snapshotOf(review.id) : undefined;
    if (snapshot) {
      adjudicated = snapshot.adjudicated;
      usedSheet = snapshot.sheetId;
    } else {
      const sheet = this.sheetOf(sheetId);
      adjudicated = this.compute(review.result, JSON.parse(entity.document) as CaseFile, await this.liveInputs(review.caseId, await this.contextOf(review.id), sheet));
      usedSheet = sheet.id;
    }
    return {
      caseId: review.caseId,
      caseNumber: entity.caseNumber,
      review: {
        id: review.id,
        caseVersion: review.caseVersion,
        createdAt: review.createdAt,
        mode: review.result.mode,
        asOf: review.result.asOf,
        latest: latest?.id === review.id,
      },
      sheetId: usedSheet,
      signOff,
      frozen,
      adjudicated,
    };
  }

  // ——— sign-off ———

  /**
   * POST …/sign-off {action: sign|approve|return, opinion?, comment?} on a review (default: the latest).
   * sign: a reviewer, with the 评查意见; the adjudicated result is frozen as signed. approve / return: 组长复核
   * by a second reviewer. `allowedReviewers`: in an evaluation task, who may do the 复核.
   */
  async signOff(caseId: string, reviewId: string | undefined, user: ActingUser, body: unknown, sheetId?: unknown, taskContext = ''): Promise<AdjudicatedView> {
    const b = new BodyReader(body, ['action', 'opinion', 'comment', 'sheet']);
    const action = b.oneOf('action', '操作（action）', ['sign', 'approve', 'return'] as const, { required: true });
    const opinion = b.string('opinion', '评查意见（opinion）', { required: action === 'sign', max: 8000 });
    const comment = b.string('comment', '复核意见（comment）', { required: action === 'return', max: 4000 });
    const sheetArg = b.raw('sheet') ?? sheetId;
    b.done('签署数据有误');
    requireRole(user, ROLE_RULE, action === 'sign' ? '签署评查意见' : '复核');
    const review = await this.reviewOf(caseId, reviewId);
    const context = await this.contextOf(review.id);
    if (context !== taskContext) conflict('该审查属于年度评查任务，须通过评查任务签署与复核', 'REVIEW_IN_TASK');
    const row = await this.signOffs.findOne({ where: { reviewId: review.id } });
    const current = row ? replaySignOff(JSON.parse(row.events) as SignOffEvent[]) : newSignOff();
    const at = new Date().toISOString();
    const event: SignOffEvent =
      action === 'sign'
        ? { type: 'sign', by: actorOf(user), at, opinion: opinion! }
        : action === 'approve'
          ? comment
            ? { type: 'approve', by: actorOf(user), at, comment }
            : { type: 'approve', by: actorOf(user), at }
          : { type: 'return', by: actorOf(user), at, comment: comment! };
    let next: SignOff;
    try {
      next = applySignOffEvent(current, event);
    } catch (e) {
      adjudicationHttpError(e);
    }
    let snapshot: string | null = row?.snapshot ?? null;
    if (action === 'sign') {
      const sheet = this.sheetOf(sheetArg, 'body.sheet');
      const inputs = await this.liveInputs(review.caseId, context, sheet);
      const caseFile = JSON.parse((await this.cases.getEntity(review.caseId)).document) as CaseFile;
      const s: SignedSnapshot = { reviewId: review.id, ...inputs, adjudicated: this.compute(review.result, caseFile, inputs) };
      snapshot = JSON.stringify(s);
    } else if (action === 'return') {
      snapshot = null; // reopened: the live judgement applies again until the next signature
    }
    const events = JSON.stringify(next.history);
    if (!row) {
      await this.signOffs.insert({ reviewId: review.id, caseId: review.caseId, state: next.state, events, snapshot, updatedAt: new Date(at), version: 1 });
    } else {
      // conditional on the version read: a concurrent sign-off loses instead of overwriting
      const res = await this.signOffs.update({ reviewId: review.id, version: row.version }, { state: next.state, events, snapshot, updatedAt: new Date(at), version: row.version + 1 });
      if (!res.affected) conflict('该审查的签署状态已被他人修改，请刷新后重试', 'SIGN_OFF_CONFLICT');
    }
    await this.record(user, `sign_off.${action}`, 'review_sign_off', review.id, review.caseId, { state: current.state }, { state: next.state, event });
    return this.view(review.caseId, review.id, sheetArg, taskContext);
  }

  /** GET /api/cases/:id/sign-offs — every review version with its sign-off state (old ones stay readable). */
  async versions(caseId: string): Promise<{ reviewId: string; caseVersion: number; createdAt: string; state: SignOffState; taskId?: string; signedBy?: string; reviewedBy?: string }[]> {
    const entity = await this.cases.getEntity(caseId);
    const rows = await this.reviews.find({ where: { caseId: entity.id }, order: { createdAt: 'DESC', id: 'DESC' }, select: ['id', 'caseVersion', 'createdAt'] });
    const out = [];
    for (const r of rows) {
      const s = await this.signOffOf(r.id);
      const v: { reviewId: string; caseVersion: number; createdAt: string; state: SignOffState; taskId?: string; signedBy?: string; reviewedBy?: string } = {
        reviewId: r.id,
        caseVersion: r.caseVersion,
        createdAt: r.createdAt.toISOString(),
        state: s.state,
      };
      const context = await this.contextOf(r.id);
      if (context) v.taskId = context;
      if (s.signedBy) v.signedBy = s.signedBy.name;
      if (s.reviewedBy) v.reviewedBy = s.reviewedBy.name;
      out.push(v);
    }
    return out;
  }

  /**
   * The judgement of a case's own stored review for its report (GET /api/cases/:id/report.pdf): rulings, 情况说明,
   * manual findings and scores, sign-off. Undefined when nothing was decided about the review (the report then
   * prints blank signature lines) and for a review made in an evaluation task (read through the task). `key`
   * names everything the judgement rests on, so a report cache keyed with it changes when a ruling, a manual item
   * or a sign-off event does; `judgement()` adjudicates (once signed: the frozen snapshot).
   */
  async judgementForReport(
    reviewId: string,
    sheet: ScoringSheet,
  ): Promise<{ key: string; judgement: (review: ReviewResult, caseFile: CaseFile) => ReportJudgement } | undefined> {
    const row = await this.reviews.findOne({ where: { id: reviewId }, select: ['id', 'caseId'] });
    if (!row || (await this.contextOf(reviewId)) !== '') return undefined;
    const signOff = await this.signOffOf(reviewId);
    const snapshot = isEditable(signOff) ? undefined : await this.snapshotOf(reviewId);
    const inputs = snapshot ?? (await this.liveInputs(row.caseId, '', sheet));
    const nothing = !inputs.rulings.length && !inputs.explanations.length && !inputs.manualFindings.length && !inputs.manualScores.length;
    if (nothing && signOff.history.length === 0) return undefined;
    const key = createHash('sha256').update(JSON.stringify({ inputs, history: signOff.history })).digest('base64url');
    return {
      key,
      judgement: (review, caseFile) => ({ adjudicated: snapshot ? snapshot.adjudicated : this.compute(review, caseFile, inputs), signOff }),
    };
  }

  /** The 评查报告 PDF of a review with its rulings, manual findings, 评查意见 and signatures. */
  async report(caseId: string, reviewId?: string, sheetId?: unknown, taskContext = ''): Promise<{ pdf: Uint8Array; fileName: string }> {
    const v = await this.view(caseId, reviewId, sheetId, taskContext);
    const entity = await this.cases.getEntity(v.caseId);
    const review = await this.reviewOf(v.caseId, v.review.id);
    const caseFile = JSON.parse(entity.document) as CaseFile;
    const notice =
      review.caseVersion !== entity.version
        ? `注意：本报告依据 ${review.createdAt.slice(0, 10)} 对第 ${review.caseVersion} 版案卷的审查结果；案卷现为第 ${entity.version} 版。`
        : undefined;
    const pdf = await renderReviewReport({ caseFile, review: review.result, score: v.adjudicated.score, notice, judgement: { adjudicated: v.adjudicated, signOff: v.signOff } });
    return { pdf, fileName: reportFileName(review.result.caseNumber, review.result.mode) };
  }
}
