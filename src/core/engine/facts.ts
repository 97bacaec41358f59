/**
 * Fact vocabulary — the one place that says which field of which document a rule's named fact reads.
 *
 * A rule names facts (`from: decisionDate`, `to: decisionServedOn`); the loader rejects unknown names, so the
 * vocabulary below is the complete list. Dates are `YYYY-MM-DD`; facts ending in `At` are `YYYY-MM-DD HH:mm`.
 */
import type { CaseDocument, ServiceMethod } from '../case-file/types';
import type { ReviewContext } from './context';
import { COURT_OUTCOME_LABELS, RECONSIDERATION_OUTCOME_LABELS } from '../domain/labels';

export interface FactValue {
  name: string;
  /** Chinese label, e.g. 立案日（立案审批表批准日） */
  label: string;
  value: string;
  /** document / record id the value comes from */
  refId?: string;
  /** service facts: the method and, for post, the day it was mailed (交邮日) */
  method?: ServiceMethod;
  mailedOn?: string;
  /** derived facts: the calendar steps */
  calendar?: string[];
  /** derived facts: years the calendar could not count */
  missingYears?: number[];
}

interface FactDef {
  label: string;
  resolve(ctx: ReviewContext, name: string, label: string): FactValue | undefined;
}

type DateField = 'madeOn' | 'approvedOn' | 'publishedOn' | 'hearingOn';

/** document types named one by one, or a group of the catalog (rules/document-types.yaml `groups`) */
type DocTypes = readonly string[] | { readonly group: string };
const inGroup = (group: string): DocTypes => ({ group });
const docsFor = (ctx: ReviewContext, types: DocTypes): CaseDocument[] =>
  'group' in types ? ctx.docsInGroup(types.group) : ctx.docsOf(types);
type Pick = 'min' | 'max';

function pickDoc(docs: CaseDocument[], get: (d: CaseDocument) => string | undefined, pick: Pick) {
  let best: CaseDocument | undefined;
  let bestValue: string | undefined;
  for (const d of docs) {
    const v = get(d);
    if (!v) continue;
    if (bestValue === undefined || (pick === 'min' ? v < bestValue : v > bestValue)) {
      best = d;
      bestValue = v;
    }
  }
  return best && bestValue ? { doc: best, value: bestValue } : undefined;
}

/** a date field of the earliest/latest document of the given types */
function docDate(types: DocTypes, field: DateField, pick: Pick, label: string, fallback?: DateField): FactDef {
  return {
    label,
    resolve(ctx, name) {
      const hit = pickDoc(docsFor(ctx, types), (d) => d[field] ?? (fallback ? d[fallback] : undefined), pick);
      return hit && { name, label, value: hit.value, refId: hit.doc.id };
    },
  };
}

/** a date-time field (approvedAt / implementedAt) */
function docDateTime(types: DocTypes, field: 'approvedAt' | 'implementedAt', pick: Pick, label: string): FactDef {
  return {
    label,
    resolve(ctx, name) {
      const hit = pickDoc(docsFor(ctx, types), (d) => d[field], pick);
      return hit && { name, label, value: hit.value, refId: hit.doc.id };
    },
  };
}

/**
 * The day a document was served (送达日). Announcement (公告送达): deemed served thirty days after the notice
 * was published (民事诉讼法第95条) — computed through the calendar.
 */
export function serviceFact(ctx: ReviewContext, doc: CaseDocument, name: string, label: string): FactValue | undefined {
  const s = doc.service;
  if (!s) return undefined;
  if (s.method === 'announcement' && s.announcedOn) {
    const res = ctx.period({ start: s.announcedOn, amount: 30, unit: 'day', roll: 'party', basis: '民事诉讼法第95条' });
    if (res.status !== 'ok' || !res.end) {
      return { name, label, value: '', refId: doc.id, method: s.method, missingYears: res.missingYears ?? [] };
    }
    return {
      name,
      label,
      value: res.end,
      refId: doc.id,
      method: s.method,
      calendar: [`公告送达：${s.announcedOn} 发出公告，经过三十日视为送达`, ...res.explanation],
    };
  }
  if (!s.servedOn) return undefined;
  return { name, label, value: s.servedOn, refId: doc.id, method: s.method, mailedOn: s.mailedOn };
}

/** the service of the earliest/latest (by madeOn) document of the types */
function served(types: DocTypes, pick: Pick, label: string): FactDef {
  return {
    label,
    resolve(ctx, name) {
      const hit = pickDoc(docsFor(ctx, types).filter((d) => d.service), (d) => d.madeOn ?? d.service?.servedOn, pick);
      return hit && serviceFact(ctx, hit.doc, name, label);
    },
  };
}

/** a period counted from another fact (e.g. 起诉期限届满日 = 送达日 + 六个月) */
function derived(
  base: string,
  amount: number,
  unit: 'day' | 'month' | 'workday' | 'year',
  roll: 'party' | 'strict',
  label: string,
  basis: string,
): FactDef {
  return {
    label,
    resolve(ctx, name) {
      const b = ctx.fact(base);
      if (!b) return undefined;
      if (b.missingYears) return { ...b, name, label, value: '' };
      const res = ctx.period({ start: b.value, amount, unit, roll, basis });
      if (res.status !== 'ok' || !res.end) return { name, label, value: '', refId: b.refId, missingYears: res.missingYears ?? [] };
      return { name, label, value: res.end, refId: b.refId, calendar: [...(b.calendar ?? []), ...res.explanation] };
    },
  };
}

function custom(label: string, resolve: (ctx: ReviewContext, name: string, label: string) => FactValue | undefined): FactDef {
  return { label, resolve };
}

/** the 事先告知书 of the decision: the latest one made on or before the decision (else the latest one) */
function noticeOfDecision(ctx: ReviewContext): CaseDocument | undefined {
  const notices = ctx.docs('penalty_notice');
  if (notices.length === 0) return undefined;
  const decision = ctx.fact('decisionDate')?.value;
  const eligible = decision ? notices.filter((n) => !n.madeOn || n.madeOn <= decision) : notices;
  return pickDoc(eligible.length ? eligible : notices, (d) => d.madeOn, 'max')?.doc ?? notices[0];
}

/**
 * documents of a type that belong to the (first) 处罚决定书: those related to it, else those related to no
 * decision (a 按日连续处罚 file holds receipts and disclosures of two decisions)
 */
function ofFirstDecision(ctx: ReviewContext, type: string): CaseDocument[] {
  const docs = ctx.docs(type);
  if (!docs.length) return docs;
  const decision = pickDoc(docsFor(ctx, DECISIONS), (d) => d.madeOn ?? d.id, 'min')?.doc;
  if (!decision) return docs;
  const related = docs.filter((r) => r.relatesToDocumentId === decision.id);
  if (related.length) return related;
  return docs.filter((r) => !r.relatesToDocumentId || !ctx.docsById.has(r.relatesToDocumentId));
}

/** 复议决定 and 判决 results that change the decision in law (处罚法第48条第2款: 变更、撤销、确认违法或者确认无效) */
const RECONSIDERATION_CHANGES: string[] = ['changed', 'revoked', 'confirmed_illegal'];
const COURT_CHANGES: string[] = ['revoked', 'partially_revoked', 'redo_ordered', 'changed', 'confirmed_illegal', 'confirmed_void'];

/** the case's (first) decision: 处罚决定书, 不予处罚决定书 or 当场处罚决定书 (按日连续处罚决定书 has its own facts) */
const DECISIONS = inGroup('case_decision');
const INVESTIGATION_EVIDENCE = inGroup('investigation_evidence');

export const FACTS: Record<string, FactDef> = {
  // —— 线索、时效 ——
  discoveredOn: custom('线索发现日', (ctx, name, label) => {
    const d = ctx.caseFile.case.discovery?.discoveredOn;
    return d ? { name, label, value: d } : undefined;
  }),
  violationOccurredOn: custom('违法行为发生日', (ctx, name, label) => {
    const d = ctx.caseFile.case.violation?.occurredOn;
    return d ? { name, label, value: d } : undefined;
  }),
  /** 第36条第2款: 从违法行为发生之日起计算；有连续或者继续状态的，从行为终了之日起计算 */
  limitationStart: custom('追责时效起算日', (ctx, name) => {
    const v = ctx.caseFile.case.violation;
    if (!v) return undefined;
    if (v.continuing && v.endedOn) return { name, label: '追责时效起算日（连续或继续状态终了日）', value: v.endedOn };
    return v.occurredOn ? { name, label: '追责时效起算日（违法行为发生日）', value: v.occurredOn } : undefined;
  }),
  sourceRecordedOn: docDate(['case_source_record'], 'madeOn', 'min', '案件来源登记日'),
  firstInspectionOn: docDate(['site_inspection_record'], 'madeOn', 'min', '首次现场检查日'),

  // —— 立案、调查 ——
  filingDate: docDate(['filing_approval'], 'approvedOn', 'min', '立案日（立案审批表批准日）'),
  firstInquiryOn: docDate(['inquiry_record'], 'madeOn', 'min', '首次调查询问日'),
  firstFormalActOn: docDate(inGroup('formal_investigation_act'), 'madeOn', 'min', '首份调查报告/告知书日期'),
  evidenceLatestOn: docDate(INVESTIGATION_EVIDENCE, 'madeOn', 'max', '最后一份调查证据日期'),
  investigationReportDate: docDate(['investigation_report'], 'madeOn', 'max', '调查报告日期'),
  preservationDate: docDate(['evidence_preservation_notice'], 'madeOn', 'min', '先行登记保存日'),
  preservationApprovedOn: docDate(['evidence_preservation_notice'], 'approvedOn', 'min', '先行登记保存负责人批准日'),
  preservationHandledOn: docDate(['evidence_preservation_release', 'seizure_decision'], 'madeOn', 'min', '登记保存物品处理决定日'),

  // —— 告知、陈述申辩、听证 ——
  noticeDate: custom('事先告知书日期', (ctx, name, label) => {
    const n = noticeOfDecision(ctx);
    return n?.madeOn ? { name, label, value: n.madeOn, refId: n.id } : undefined;
  }),
  noticeServedOn: custom('事先告知书送达日', (ctx, name, label) => {
    const n = noticeOfDecision(ctx);
    return n && serviceFact(ctx, n, name, label);
  }),
  /** the 告知书 was made on or before the decision (when it was made after, C1-09 reports it) */
  noticeMadeBeforeDecision: custom('告知书在决定前制作', (ctx, name, label) => {
    const n = noticeOfDecision(ctx);
    const decision = ctx.fact('decisionDate')?.value;
    return n?.madeOn && decision && n.madeOn <= decision ? { name, label, value: n.madeOn, refId: n.id } : undefined;
  }),
  latestNoticeDate: docDate(['penalty_notice'], 'madeOn', 'max', '最后一份事先告知书日期'),
  statementDate: docDate(['statement_record'], 'madeOn', 'min', '陈述申辩日'),
  statementReviewDate: docDate(['statement_review_opinion'], 'madeOn', 'max', '陈述申辩复核意见日期'),
  hearingApplicationDate: docDate(['hearing_application'], 'madeOn', 'min', '听证申请日'),
  hearingNoticeDate: docDate(['hearing_notice'], 'madeOn', 'max', '听证通知书日期'),
  hearingNoticeServedOn: served(['hearing_notice'], 'max', '听证通知书送达日'),
  hearingDate: custom('听证举行日', (ctx, name) => {
    const rec = pickDoc(ctx.docs('hearing_record'), (d) => d.madeOn ?? d.hearingOn, 'max');
    if (rec) return { name, label: '听证举行日（听证笔录日期）', value: rec.value, refId: rec.doc.id };
    const n = pickDoc(ctx.docs('hearing_notice'), (d) => d.hearingOn, 'max');
    return n && { name, label: '听证举行日（听证通知书载明）', value: n.value, refId: n.doc.id };
  }),
  hearingReportDate: docDate(['hearing_report'], 'madeOn', 'max', '听证报告日期'),
  /** 处罚法第62条: only a waiver made on or before the decision lets the decision come before the period ends */
  statementWaivedBeforeDecision: custom('决定前书面放弃陈述申辩', (ctx, name, label) => waivedBeforeDecision(ctx, ['statement_waiver'], name, label)),
  hearingWaivedOrRequestedBeforeDecision: custom('决定前申请或书面放弃听证', (ctx, name, label) =>
    waivedBeforeDecision(ctx, ['hearing_waiver', 'hearing_application'], name, label)),
  /** 听证主持人 named in the 听证通知书 or the 听证笔录 (处罚法第64条（四）does not require a separate document) */
  hearingHostNamed: custom('听证通知书或笔录载明主持人', (ctx, name, label) => {
    const hit = pickDoc(ctx.docsOf(['hearing_notice', 'hearing_record']).filter((d) => d.hostId), (d) => d.madeOn ?? d.id, 'min');
    return hit && { name, label, value: hit.doc.hostId!, refId: hit.doc.id };
  }),

  /** 责令改正写入决定书 (2023办法第9条) */
  rectificationInDecision: custom('决定书载明责令改正', (ctx, name, label) => {
    const hit = pickDoc(ctx.docsOf(['penalty_decision', 'daily_penalty_decision']).filter((d) => d.decisionContents?.rectificationOrdered), (d) => d.madeOn ?? d.id, 'min');
    return hit && { name, label, value: hit.value, refId: hit.doc.id };
  }),
  /** 不予行政处罚决定书载明教育内容 (评查细则不予处罚决定书第7目) */
  educationInNoPenaltyDecision: custom('不予处罚决定书载明教育内容', (ctx, name, label) => {
    const hit = pickDoc(ctx.docs('no_penalty_decision').filter((d) => d.decisionContents?.educationContent), (d) => d.madeOn ?? d.id, 'min');
    return hit && { name, label, value: hit.value, refId: hit.doc.id };
  }),
  // —— 审核、讨论、决定 ——
  legalReviewDate: docDate(['legal_review_opinion'], 'madeOn', 'max', '法制审核意见日期'),
  collectiveDiscussionDate: docDate(['collective_discussion_record'], 'madeOn', 'max', '集体讨论日期'),
  decisionDate: docDate(DECISIONS, 'madeOn', 'min', '处罚决定日（决定书落款日期）'),
  decisionServedOn: served(DECISIONS, 'min', '决定书送达日'),
  decisionAnnouncedOn: custom('决定书公告发出日', (ctx, name, label) => {
    const hit = pickDoc(docsFor(ctx, DECISIONS), (d) => d.service?.announcedOn, 'min');
    return hit && { name, label, value: hit.value, refId: hit.doc.id };
  }),
  /** the service day the file itself states (not the deemed day) */
  decisionServedOnAsStated: custom('卷内记载的决定书送达日', (ctx, name, label) => {
    const hit = pickDoc(docsFor(ctx, DECISIONS), (d) => d.service?.servedOn, 'min');
    return hit && { name, label, value: hit.value, refId: hit.doc.id };
  }),
  dailyDecisionDate: docDate(['daily_penalty_decision'], 'madeOn', 'max', '按日连续处罚决定日'),
  onSpotDecisionDate: docDate(['on_the_spot_decision'], 'madeOn', 'min', '当场处罚决定日'),
  onSpotPaymentDate: custom('当场收缴罚款日', (ctx, name, label) => {
    const hit = pickDoc(ctx.docs('on_the_spot_decision').filter((d) => (d.amounts?.paid ?? 0) > 0), (d) => d.madeOn, 'min');
    return hit && { name, label, value: hit.value, refId: hit.doc.id };
  }),
  onSpotHandoverDate: docDate(['on_the_spot_payment_handover'], 'madeOn', 'min', '当场收缴罚款上缴日'),
  simpleFilingDate: docDate(['simple_procedure_filing'], 'madeOn', 'min', '当场处罚备案日'),

  // —— 执行 ——
  /** the (last) payment of the 处罚决定书's fine: receipts related to it, else the unrelated ones */
  paymentDate: custom('罚款缴纳日', (ctx, name, label) => {
    const hit = pickDoc(ofFirstDecision(ctx, 'fine_payment_receipt'), (d) => d.madeOn, 'max');
    return hit && { name, label, value: hit.value, refId: hit.doc.id };
  }),
  reminderServedOn: served(['payment_reminder'], 'max', '催告书送达日'),
  enforcementAppliedOn: docDate(['enforcement_application'], 'madeOn', 'min', '申请强制执行日'),
  /** 行政诉讼法第46条: 六个月 */
  litigationPeriodEndWithoutReconsideration: derived('decisionServedOn', 6, 'month', 'party', '起诉期限届满日', '行政诉讼法第46条'),
  reconsiderationDecisionServedOn: served(['reconsideration_decision'], 'max', '行政复议决定书送达日'),
  /** 行政诉讼法第45条: after a 复议, 收到复议决定书之日起十五日内 — else 第46条 六个月 from the decision's service */
  litigationPeriodEnd: custom('起诉期限届满日', (ctx, name, label) => {
    const r = ctx.fact('reconsiderationDecisionServedOn');
    if (!r) return ctx.fact('litigationPeriodEndWithoutReconsideration');
    if (r.missingYears) return { ...r, name, label };
    const res = ctx.period({ start: r.value, amount: 15, unit: 'day', roll: 'party', basis: '行政诉讼法第45条' });
    if (res.status !== 'ok' || !res.end) return { name, label, value: '', refId: r.refId, missingYears: res.missingYears ?? [] };
    return { name, label: '起诉期限届满日（复议决定书送达后十五日）', value: res.end, refId: r.refId, calendar: [`行政复议决定书 ${r.value} 送达，起诉期限为收到复议决定书之日起十五日（行政诉讼法第45条）`, ...res.explanation] };
  }),
  /** the decision states no 起诉 period: the one-year limit of 行诉解释第64条 may apply — a reviewer must check */
  litigationPeriodNotStated: custom('决定书未告知起诉期限', (ctx, name, label) => {
    const d = pickDoc(docsFor(ctx, DECISIONS), (x) => x.madeOn ?? x.id, 'min')?.doc;
    if (!d) return undefined;
    const stated = d.statedPeriods?.some((p) => p.kind === 'litigation') || d.decisionContents?.remedyRouteAndDeadline === true;
    return stated || d.decisionContents?.remedyRouteAndDeadline === undefined ? undefined : { name, label, value: d.madeOn ?? '', refId: d.id };
  }),
  installmentEnd: custom('暂缓/分期缴纳期限届满日', (ctx, name, label) => {
    let best: { v: string; id: string } | undefined;
    for (const d of ctx.docs('installment_approval_notice'))
      for (const p of d.statedPeriods ?? [])
        if (p.kind === 'payment' && p.endsOn && (!best || p.endsOn > best.v)) best = { v: p.endsOn, id: d.id };
    return best && { name, label, value: best.v, refId: best.id };
  }),
  disclosureDate: custom('信息公开日', (ctx, name, label) => {
    const hit = pickDoc(ofFirstDecision(ctx, 'disclosure_record'), (d) => d.publishedOn ?? d.madeOn, 'min');
    return hit && { name, label, value: hit.value, refId: hit.doc.id };
  }),
  closingDate: docDate(['closing_approval'], 'approvedOn', 'max', '结案审批日', 'madeOn'),
  archivedOn: custom('归档日', (ctx, name, label) => {
    const d = ctx.caseFile.case.archivedOn;
    return d ? { name, label, value: d } : undefined;
  }),

  // —— 查封扣押 ——
  seizureApprovalDate: docDate(['seizure_approval'], 'approvedOn', 'min', '查封扣押批准日', 'madeOn'),
  seizureApprovedAt: docDateTime(['seizure_approval'], 'approvedAt', 'min', '查封扣押批准时刻'),
  seizureImplementedAt: docDateTime(['seizure_decision', 'seizure_site_record'], 'implementedAt', 'min', '查封扣押实施时刻'),
  seizureDate: docDate(['seizure_decision'], 'madeOn', 'min', '查封扣押决定日'),
  seizureServedOn: served(['seizure_decision'], 'min', '查封扣押决定书送达日'),
  seizureInventoryServedOn: served(['seizure_inventory'], 'min', '查封扣押清单交付日'),
  seizureExtensionDate: docDate(['seizure_extension_notice'], 'madeOn', 'min', '查封扣押延期通知日'),
  seizureReleaseDate: docDate(['seizure_release_decision'], 'madeOn', 'max', '解除查封扣押决定日'),
  seizureReleaseServedOn: served(['seizure_release_decision'], 'max', '解除查封扣押决定书送达日'),

  // —— 限制生产、停产整治 ——
  restrictionDecisionDate: docDate(['restriction_decision'], 'madeOn', 'min', '限产停产决定日'),
  restrictionServedOn: served(['restriction_decision'], 'min', '限产停产决定书送达日'),
  /** every 限产停产 decision of the file is a 责令停产整治 (办法第8条), none a 限制生产: the three-month cap does not apply */
  productionRectificationOnly: custom('限产停产决定为责令停产整治', (ctx, name, label) => {
    const docs = ctx.docs('restriction_decision');
    const rectification = (k?: string[]) => !!k?.includes('production_rectification') && !k.includes('restrict_business');
    return docs.length && docs.every((d) => rectification(d.penaltyKinds)) ? { name, label, value: docs[0].madeOn ?? '', refId: docs[0].id } : undefined;
  }),
  rectificationPlanFiledOn: docDate(['rectification_plan_filing'], 'madeOn', 'min', '整改方案备案日'),
  restrictionReleaseDate: docDate(['restriction_release_record'], 'madeOn', 'min', '解除限产停产日'),
  followUpInspectionDate: docDate(['follow_up_inspection_record'], 'madeOn', 'min', '跟踪检查日'),

  // —— 按日连续处罚 ——
  rectificationOrderDate: docDate(['rectification_order'], 'madeOn', 'min', '责令改正违法行为决定书日期'),
  rectificationOrderServedOn: served(['rectification_order'], 'min', '责令改正违法行为决定书送达日'),
  /** 按日连续处罚办法第8条: the monitoring report the first 责令改正 rests on */
  monitoringReportDate: custom('取得环境监测报告日', (ctx, name, label) => {
    const order = ctx.fact('rectificationOrderDate')?.value;
    const reports = ctx.docs('monitoring_report').filter((d) => d.madeOn && (!order || d.madeOn <= order));
    const hit = pickDoc(reports, (d) => d.madeOn, 'max');
    return hit && { name, label, value: hit.value, refId: hit.doc.id };
  }),
  firstReinspectionDate: docDate(['reinspection_record'], 'madeOn', 'min', '首次复查日'),
  lastReinspectionDate: docDate(['reinspection_record'], 'madeOn', 'max', '最后一次复查日'),

  // —— 普法教育 ——
  /** 案件开始: the earliest of 立案、首次现场检查、当场处罚 */
  caseOpenedOn: custom('立案日或首次现场检查日', (ctx, name) => {
    const cands = ['filingDate', 'firstInspectionOn', 'onSpotDecisionDate']
      .map((n) => ctx.fact(n))
      .filter((f): f is FactValue => !!f);
    if (!cands.length) return undefined;
    const f = cands.reduce((a, b) => (b.value < a.value ? b : a));
    return { ...f, name, label: f.label };
  }),
  educationFirstOn: custom('首次普法教育日', (ctx, name, label) => {
    let best: { v: string; id: string } | undefined;
    for (const r of ctx.caseFile.educationRecords ?? []) if (!best || r.heldOn < best.v) best = { v: r.heldOn, id: r.id };
    return best && { name, label, value: best.v, refId: best.id };
  }),
  educationLastOn: custom('最后一次普法教育日', (ctx, name, label) => {
    let best: { v: string; id: string } | undefined;
    for (const r of ctx.caseFile.educationRecords ?? []) if (!best || r.heldOn > best.v) best = { v: r.heldOn, id: r.id };
    return best && { name, label, value: best.v, refId: best.id };
  }),

  // —— 移送 ——
  crimeTransferReportDate: docDate(['crime_transfer_report'], 'madeOn', 'min', '涉嫌犯罪案件移送书面报告日'),
  crimeTransferApprovalDate: docDate(['crime_transfer_approval'], 'approvedOn', 'min', '移送审批日', 'madeOn'),
  crimeTransferApprovedAt: docDateTime(['crime_transfer_approval'], 'approvedAt', 'min', '移送批准时刻'),
  crimeTransferLetterAt: docDateTime(['crime_transfer_letter'], 'implementedAt', 'min', '移送时刻'),

  // —— 规范性 (normativity rules, rules/pack/normativity.yaml) ——
  detentionTransferApprovalDate: docDate(['detention_transfer_approval'], 'approvedOn', 'min', '移送行政拘留决定日（审批表批准日）', 'madeOn'),
  detentionTransferLetterDate: docDate(['detention_transfer_letter'], 'madeOn', 'min', '移送行政拘留案件移送书日期'),
  /** 当事人申请解除查封、扣押的收到日 (on the 解除决定书) */
  seizureReleaseApplicationOn: custom('解除查封扣押申请收到日', (ctx, name, label) => {
    const hit = pickDoc(ctx.docs('seizure_release_decision'), (d) => d.applicationReceivedOn, 'min');
    return hit && { name, label, value: hit.value, refId: hit.doc.id };
  }),
  /** 延期（分期）缴纳罚款申请的收到日 (on the 同意通知书) */
  installmentApplicationOn: custom('延期（分期）缴纳罚款申请收到日', (ctx, name, label) => {
    const hit = pickDoc(ctx.docs('installment_approval_notice'), (d) => d.applicationReceivedOn, 'min');
    return hit && { name, label, value: hit.value, refId: hit.doc.id };
  }),
  /**
   * the day the decision was 依法变更、撤销、确认违法或者确认无效 (处罚法第48条第2款), the earliest of: the day the agency
   * received a 行政复议决定书 that changed, revoked or found it unlawful; the day a 人民法院行政判决书 that revoked it (in
   * whole, in part, or with 责令重作), changed it, or found it unlawful or void took effect
   */
  decisionChangedOn: custom('处罚决定被变更、撤销、确认违法或者确认无效之日', (ctx, name) => {
    const byReconsideration = pickDoc(
      ctx.docs('reconsideration_decision').filter((d) => RECONSIDERATION_CHANGES.includes(d.reconsiderationOutcome ?? '')),
      (d) => d.receivedOn,
      'min',
    );
    const byJudgment = pickDoc(
      ctx.docs('court_judgment').filter((d) => COURT_CHANGES.includes(d.courtOutcome ?? '')),
      (d) => d.effectiveOn,
      'min',
    );
    const first = byJudgment && (!byReconsideration || byJudgment.value < byReconsideration.value) ? byJudgment : byReconsideration;
    if (!first) return undefined;
    const outcome = first === byJudgment ? `判决${COURT_OUTCOME_LABELS[first.doc.courtOutcome!]}` : `复议决定${RECONSIDERATION_OUTCOME_LABELS[first.doc.reconsiderationOutcome!]}`;
    const label = first === byJudgment ? `判决生效日（${outcome}）` : `机关收到复议决定书日（${outcome}）`;
    return { name, label, value: first.value, refId: first.doc.id };
  }),
  /** 结案审批表以"申请人民法院强制执行，人民法院依法受理"结案 (办法第77条【S】) */
  closedOnCourtAcceptance: custom('以法院受理强制执行申请结案', (ctx, name, label) => {
    const hit = pickDoc(ctx.docs('closing_approval').filter((d) => d.closingContents?.ground === 'court_enforcement_accepted'), (d) => d.approvedOn ?? d.madeOn, 'min');
    return hit && { name, label, value: hit.value, refId: hit.doc.id };
  }),
  /** 结案审批表以"不予行政处罚等无须执行"结案 (办法第77条【S】) */
  closedAsNothingToExecute: custom('以“无须执行”结案', (ctx, name, label) => {
    const hit = pickDoc(ctx.docs('closing_approval').filter((d) => d.closingContents?.ground === 'no_execution_needed'), (d) => d.approvedOn ?? d.madeOn, 'min');
    return hit && { name, label, value: hit.value, refId: hit.doc.id };
  }),
  withdrawalDate: docDate(['decision_withdrawal_notice'], 'publishedOn', 'min', '撤回行政处罚决定信息日', 'madeOn'),
};

/** a document of the types dated (madeOn) on or before the decision, or with no decision yet */
function waivedBeforeDecision(ctx: ReviewContext, types: string[], name: string, label: string): FactValue | undefined {
  const decision = ctx.fact('decisionDate')?.value;
  const hit = pickDoc(ctx.docsOf(types).filter((d) => d.madeOn && (!decision || d.madeOn <= decision)), (d) => d.madeOn, 'min');
  return hit && { name, label, value: hit.value, refId: hit.doc.id };
}

export function isKnownFact(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(FACTS, name);
}

export function factLabel(name: string): string {
  return FACTS[name]?.label ?? name;
}

export function resolveFact(name: string, ctx: ReviewContext): FactValue | undefined {
  const def = FACTS[name];
  if (!def) throw new Error(`unknown fact ${name}`);
  return def.resolve(ctx, name, def.label);
}
