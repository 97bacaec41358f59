/**
 * M5 — 评查细则第21项【Q†】: "案件调查人员同时作为本案的审查人员" is a 重大问题. The investigators are the 执法人员 named on
 * the documents of the group `investigation_participation` (笔录、采样、调查报告、先行登记保存、查封扣押现场笔录); the case
 * reviewers are those the 案件审查意见 (`internal_approval`) names as 审查人员 (`caseReviewerIds`) — not the 承办人 who signs
 * it. A person is matched by id, and an officer and an agency member with the same name are taken for one person
 * (the same person is often listed once as 执法人员 and once as 机关人员).
 */
import { docData, docRef, na, pass } from '../util';
import type { CheckOutcome } from '../types';
import { NO_PARAMS, type CustomCheckImpl } from './types';

export const investigatorNotCaseReviewer: CustomCheckImpl = {
  name: 'investigator_not_case_reviewer',
  description: '案件审查意见的审查人员不得是本案调查人员',
  params: NO_PARAMS,
  dataKeys: ['names'],
  reads: () => ({ documentTypes: ['internal_approval'] }),
  run(_params, ctx) {
    const reviews = ctx.docs('internal_approval').filter((d) => d.caseReviewerIds?.length);
    if (!reviews.length) return [na('案件审查意见未载明审查人员')];
    const names = new Map<string, string>();
    for (const o of ctx.caseFile.officers) names.set(o.id, o.name);
    for (const r of ctx.caseFile.reviewers ?? []) names.set(r.id, r.name);
    const investigatorIds = new Set(ctx.docsInGroup('investigation_participation').flatMap((d) => d.officerIds ?? []));
    const investigatorNames = new Set([...investigatorIds].map((id) => names.get(id)).filter((n): n is string => !!n));
    const out: CheckOutcome[] = [];
    for (const d of reviews) {
      const both = d.caseReviewerIds!.filter((id) => investigatorIds.has(id) || investigatorNames.has(names.get(id) ?? '\u0000'));
      if (both.length) {
        const who = both.map((id) => names.get(id) ?? id).join('、');
        out.push({
          status: 'fail',
          data: { ...docData(ctx, d), names: who },
          facts: [docRef(ctx, d), { label: '既是调查人员又是审查人员', value: who }],
          key: d.id,
        });
      }
    }
    if (out.length) return out;
    return [pass(`审查人员 ${reviews.flatMap((d) => d.caseReviewerIds!).map((id) => names.get(id) ?? id).join('、')} 未参与本案调查`, reviews.map((d) => docRef(ctx, d)))];
  },
};
