/**
 * SEQ-10 — 处罚法第58条第2款: 初次从事行政处罚决定法制审核的人员，应当通过国家统一法律职业资格考试取得法律职业资格.
 */
import { docRef, na, pass } from '../util';
import type { CheckOutcome } from '../types';
import { NO_PARAMS, type CustomCheckImpl } from './types';

export const legalReviewerQualification: CustomCheckImpl = {
  name: 'legal_reviewer_qualification',
  description: '初次从事法制审核的人员须取得法律职业资格',
  params: NO_PARAMS,
  dataKeys: ['reviewer'],
  run(_params, ctx) {
    const opinions = ctx.docs('legal_review_opinion');
    if (!opinions.length) return [na('卷内无法制审核意见书')];
    const reviewers = ctx.caseFile.reviewers ?? [];
    const out: CheckOutcome[] = [];
    const checked: string[] = [];
    for (const d of opinions) {
      const ids = new Set<string>(d.reviewerIds ?? []);
      for (const s of d.signatories ?? []) if (s.role === 'legal_reviewer' && s.personId) ids.add(s.personId);
      for (const id of ids) {
        const r = reviewers.find((x) => x.id === id);
        if (!r) continue;
        checked.push(r.name);
        if (r.firstTimeLegalReviewer && !r.legalQualification)
          out.push({
            status: 'fail',
            data: { docName: ctx.docName(d.type), docId: d.id, docLabel: ctx.docLabel(d), reviewer: r.name },
            facts: [docRef(ctx, d, '法制审核人员', r.name)],
            key: `${d.id}:${id}`,
          });
      }
    }
    if (!checked.length) return [na('法制审核意见书未记载审核人员')];
    return out.length ? out : [pass(`法制审核人员：${checked.join('、')}`, opinions.map((d) => docRef(ctx, d)))];
  },
};
