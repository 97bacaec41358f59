/**
 * M5 — 评查细则第21项【Q†】: "案件调查人员同时作为本案的审查人员" is a 重大问题. The investigators are the 执法人员 named on
 * the documents of the group `investigation_participation` (笔录、采样、调查报告、先行登记保存、查封扣押现场笔录); the case
 * reviewers are those the 案件审查意见 (`internal_approval`) names as 审查人员 (`caseReviewerIds`, officer or reviewer
 * ids) — not the 承办人 who signs it.
 *
 * A 重大问题 voids the file's grade, so it is reported only on proof that the reviewer is an investigator:
 * - mode `proven`: the same person id, or the same 执法证号 where both people's are known (one person listed twice,
 *   e.g. once as 执法人员 and once as 机关人员 holding the same 执法证);
 * - mode `name_only`: a reviewer who only bears an investigator's name (no common id, one 执法证号 or both unknown)
 *   is not proof — two colleagues may share a name — and is reported for the reviewer to verify (请核实是否为同一人).
 *   Two different 执法证号 are two people: nothing to report.
 * In draft mode, before there is a 案件审查意见, the next step names the investigators who may not review the case
 * (mode `proven` only: one next step, not two).
 */
import type { CaseDocument } from '../../../case-file/types';
import type { FactRef } from '../../types';
import { identity, isProven, normalCertificate, peopleOf, personText, type Identity, type Person } from '../people';
import { docData, docRef, na, pass } from '../util';
import type { CheckOutcome } from '../types';
import type { CustomCheckImpl } from './types';

export const investigatorNotCaseReviewer: CustomCheckImpl = {
  name: 'investigator_not_case_reviewer',
  description: '案件审查意见的审查人员不得是本案调查人员：同一人员 id 或同一执法证号为证（proven）；仅同名的请核实（name_only）',
  params: { type: 'object', additionalProperties: false, required: ['match'], properties: { match: { enum: ['proven', 'name_only'] } } },
  dataKeys: ['names', 'proof'],
  reads: () => ({ documentTypes: ['internal_approval'] }),
  run(params, ctx, rule) {
    const person = peopleOf(ctx);
    /** each investigator, with the documents on which they took part in the investigation */
    const investigators = new Map<string, { person: Person; docs: CaseDocument[] }>();
    for (const d of ctx.docsInGroup('investigation_participation'))
      for (const id of d.officerIds ?? []) {
        const entry = investigators.get(id) ?? { person: person(id), docs: [] };
        entry.docs.push(d);
        investigators.set(id, entry);
      }
    if (ctx.mode === 'draft' && params.match === 'proven' && !ctx.has('internal_approval')) {
      if (!investigators.size) return [na('卷内尚无案件审查意见，也未记载调查人员')];
      const names = [...investigators.values()].map((i) => i.person.name).join('、');
      return [{ status: 'next', type: 'internal_approval', reason: `案件审查应由未参与本案调查的人员进行，本案调查人员${names}不得作为审查人员（在 caseReviewerIds 中写明审查人员；调查人员同时作为审查人员为重大问题，细则第21项）（${rule.id}）` }];
    }
    const reviews = ctx.docs('internal_approval').filter((d) => d.caseReviewerIds?.length);
    if (!reviews.length) return [na('案件审查意见未载明审查人员')];
    const wanted: Identity[] = params.match === 'proven' ? ['same_id', 'same_certificate'] : ['same_name'];
    const out: CheckOutcome[] = [];
    for (const d of reviews) {
      const hits: { reviewer: Person; investigator: Person; how: Identity; docs: CaseDocument[] }[] = [];
      for (const id of d.caseReviewerIds!) {
        const reviewer = person(id);
        const matches = [...investigators.values()].map((i) => ({ ...i, how: identity(reviewer, i.person) }));
        // a proven match settles who the reviewer is: a namesake of another investigator adds nothing
        const proven = matches.filter((m) => isProven(m.how));
        const hit = (proven.length ? proven : matches).find((m) => wanted.includes(m.how));
        if (hit) hits.push({ reviewer, investigator: hit.person, how: hit.how, docs: hit.docs });
      }
      if (!hits.length) continue;
      const proof = hits
        .map((h) =>
          h.how === 'same_id'
            ? `${h.reviewer.name}即调查人员（同一人员 id ${h.reviewer.id}）`
            : h.how === 'same_certificate'
              ? `${h.reviewer.name}（${h.reviewer.id}）与执法人员${h.investigator.name}（${h.investigator.id}）执法证号同为 ${normalCertificate(h.reviewer.certificateNo)}`
              : `审查人员${personText(h.reviewer)}与调查人员${personText(h.investigator)}同名`,
        )
        .join('；');
      const facts: FactRef[] = [docRef(ctx, d)];
      for (const h of hits) {
        facts.push({ label: '审查人员', value: personText(h.reviewer), refId: h.reviewer.id });
        facts.push({ label: h.how === 'same_name' ? '同名的调查人员' : '调查人员', value: personText(h.investigator), refId: h.investigator.id });
        facts.push({ label: '参与调查的文书', value: h.docs.map((x) => ctx.docLabel(x)).join('、') });
      }
      out.push({
        status: 'fail',
        data: { ...docData(ctx, d), names: [...new Set(hits.map((h) => h.reviewer.name))].join('、'), proof },
        facts,
        key: d.id,
      });
    }
    if (out.length) return out;
    const names = reviews.flatMap((d) => d.caseReviewerIds!).map((id) => person(id).name).join('、');
    return [
      pass(
        params.match === 'proven' ? `审查人员 ${names} 与本案调查人员无相同的人员 id 或执法证号` : `审查人员 ${names} 与本案调查人员无仅同名而无法区分的情形`,
        reviews.map((d) => docRef(ctx, d)),
      ),
    ];
  },
};
