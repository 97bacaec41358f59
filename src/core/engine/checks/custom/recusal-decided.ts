/**
 * M18 — 回避申请. 生态环境行政处罚办法第6条第2、3款【Q†】: "生态环境主管部门应当对回避申请及时作出决定并通知申请人。
 * 生态环境主管部门主要负责人的回避，由该部门负责人集体讨论决定；生态环境主管部门其他负责人的回避，由该部门主要负责人决定；
 * 其他执法人员的回避，由该部门负责人决定。" 评查细则第15项【Q†】: "未对回避申请作出决定" is a 重大问题.
 *
 * Each 回避申请 needs a 回避决定 (relating to it, or the only one in the file) made before the case decision — else the
 * 重大问题. Who decided is read from the 回避决定: the persons applied against (`recusalOfPersonIds`, on the application
 * or the decision) and the 负责人 who signed it (signatories of role responsible_person, matched to `reviewers` by
 * `personId`). A decision by the wrong person is a defect of its own, reported at severity error (the 细则 item is
 * that no decision was made):
 * - 主要负责人 (`principal`) applied against → 负责人集体讨论: a 集体讨论笔录, or at least two 负责人 signing the decision;
 * - another 负责人 → a 主要负责人 signs;
 * - anyone else → a 负责人 signs.
 * In draft mode, before the case decision, an application not decided yet makes the 回避决定 the next document: to be
 * made before the decision, by whom the persons applied against require.
 */
import type { CaseDocument } from '../../../case-file/types';
import { docData, docRef, na, pass } from '../util';
import type { CheckOutcome, ProblemRef } from '../types';
import { NO_PARAMS, type CustomCheckImpl } from './types';

export const recusalDecided: CustomCheckImpl = {
  name: 'recusal_decided',
  description: '回避申请在处理决定前作出回避决定，并由办法第6条第3款规定的负责人决定',
  params: NO_PARAMS,
  dataKeys: ['problem', 'made', 'decision', 'name'],
  problemIds: ['noDecision', 'late', 'collective', 'principal', 'responsible'],
  reads: () => ({ facts: ['decisionDate'], documentTypes: ['recusal_application', 'recusal_decision'] }),
  run(_params, ctx, rule) {
    const applications = ctx.docs('recusal_application');
    if (!applications.length) return [na('卷内无回避申请')];
    const decisions = ctx.docs('recusal_decision');
    const caseDecision = ctx.fact('decisionDate')?.value;
    const reviewers = new Map((ctx.caseFile.reviewers ?? []).map((r) => [r.id, r]));
    const discussed = ctx.docs('collective_discussion_record').length > 0;
    const out: CheckOutcome[] = [];
    const ok: string[] = [];
    for (const a of applications) {
      const related = decisions.filter((d) => d.relatesToDocumentId === a.id);
      const decision: CaseDocument | undefined = related[0] ?? (applications.length === 1 && decisions.length === 1 ? decisions[0] : undefined);
      const facts = [docRef(ctx, a)];
      if (!decision) {
        if (ctx.mode === 'draft' && !caseDecision) {
          const against = (a.recusalOfPersonIds ?? []).map((id) => reviewers.get(id));
          const by = against.some((r) => r?.role === 'responsible_person' && r.principal === true)
            ? '申请主要负责人回避的，由负责人集体讨论决定'
            : against.some((r) => r?.role === 'responsible_person')
              ? '申请负责人回避的，由主要负责人决定'
              : '由负责人决定';
          out.push({
            status: 'next',
            type: 'recusal_decision',
            reason: `${ctx.docLabel(a)}尚未决定：应及时作出回避决定并通知申请人，${by}，在作出处理决定之前（办法第6条；未作决定为重大问题，细则第15项）（${rule.id}）`,
          });
          continue;
        }
        out.push({ status: 'fail', data: docData(ctx, a), facts, problems: [{ id: 'noDecision' }], key: a.id });
        continue;
      }
      facts.push(docRef(ctx, decision));
      if (caseDecision && decision.madeOn && decision.madeOn > caseDecision) {
        out.push({ status: 'fail', data: docData(ctx, a), facts, problems: [{ id: 'late', data: { made: decision.madeOn, decision: caseDecision } }], key: a.id });
        continue;
      }
      const against = [...(a.recusalOfPersonIds ?? []), ...(decision.recusalOfPersonIds ?? [])];
      const signers = (decision.signatories ?? []).filter((s) => s.role === 'responsible_person');
      const principalSigned = signers.some((s) => s.personId !== undefined && reviewers.get(s.personId)?.principal === true);
      const problems: ProblemRef[] = [];
      for (const id of new Set(against)) {
        const r = reviewers.get(id);
        if (r?.role === 'responsible_person' && r.principal === true) {
          if (!discussed && new Set(signers.map((s) => s.personId ?? s.name)).size < 2) problems.push({ id: 'collective', data: { name: r.name } });
        } else if (r?.role === 'responsible_person') {
          if (!principalSigned) problems.push({ id: 'principal', data: { name: r.name } });
        } else if (!signers.length) problems.push({ id: 'responsible' });
      }
      if (!against.length && !signers.length) problems.push({ id: 'responsible' });
      if (problems.length) out.push({ status: 'fail', severity: 'error', data: docData(ctx, decision), facts, problems: dedupe(problems), key: a.id });
      else ok.push(`${ctx.docLabel(a)}：${ctx.docLabel(decision)}已作出`);
    }
    // the decided applications pass beside a draft's next steps; a defect reports alone
    if (out.some((o) => o.status === 'fail') || !ok.length) return out;
    return [...out, pass(ok.join('；'), applications.map((a) => docRef(ctx, a)))];
  },
};

function dedupe(problems: ProblemRef[]): ProblemRef[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = p.id + JSON.stringify(p.data ?? {});
    return seen.has(k) ? false : (seen.add(k), true);
  });
}
