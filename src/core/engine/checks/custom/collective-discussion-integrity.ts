/**
 * 集体讨论 — two 重大问题 of the 评查细则 that the record itself shows:
 * - mode `voting` (细则第18项【Q†】 "集体讨论时，调查人员参与了表决"): an attendee who is an investigator of the case (an
 *   officer on a document of the group `investigation_participation`, or an attendee of role officer) and voted
 *   (`votes: true`). Investigators may sit in and present the case (办法第52条【S】); an attendee whose vote is not
 *   recorded is not counted as voting.
 * - mode `repeat` (细则第17项 常见错误【Q†】 "集体讨论在告知前的，当事人进行陈述、申辩或要求听证的，未再次组织集体讨论"):
 *   every discussion is before the 告知书, the party then made a statement or asked for a hearing, and no discussion
 *   followed it before the decision.
 */
import { docData, docRef, na, pass } from '../util';
import type { CheckOutcome, ProblemRef } from '../types';
import type { CustomCheckImpl } from './types';

export const collectiveDiscussionIntegrity: CustomCheckImpl = {
  name: 'collective_discussion_integrity',
  description: '集体讨论：调查人员不得参与表决（voting）；告知前讨论、当事人陈述申辩或要求听证后应再次讨论（repeat）',
  params: { type: 'object', additionalProperties: false, required: ['mode'], properties: { mode: { enum: ['voting', 'repeat'] } } },
  dataKeys: ['problem', 'voters', 'discussedOn', 'noticeOn', 'response', 'respondedOn', 'decidedOn'],
  problemIds: ['investigatorVoted', 'notRediscussed'],
  problemIdsOf: (params) => (params.mode === 'voting' ? ['investigatorVoted'] : ['notRediscussed']),
  run(params, ctx) {
    const discussions = ctx.docs('collective_discussion_record');
    if (!discussions.length) return [na('卷内无集体讨论笔录')];
    if (params.mode === 'voting') {
      const investigators = new Set(ctx.docsInGroup('investigation_participation').flatMap((d) => d.officerIds ?? []));
      const officerNames = new Map(ctx.caseFile.officers.map((o) => [o.id, o.name]));
      const out: CheckOutcome[] = [];
      for (const d of discussions) {
        const voters = (d.attendees ?? []).filter(
          (a) => a.votes === true && (a.role === 'officer' || (a.personId !== undefined && investigators.has(a.personId))),
        );
        if (voters.length)
          out.push({
            status: 'fail',
            data: { ...docData(ctx, d), problem: '' },
            problems: [{ id: 'investigatorVoted', data: { voters: voters.map((a) => a.name ?? officerNames.get(a.personId ?? '')).join('、') } }],
            facts: [docRef(ctx, d), { label: '参与表决的调查人员', value: voters.map((a) => a.name).join('、') }],
            key: d.id,
          });
      }
      return out.length ? out : [pass('调查人员未参与集体讨论的表决', discussions.map((d) => docRef(ctx, d)))];
    }
    const notice = ctx.fact('noticeDate')?.value;
    const decision = ctx.fact('decisionDate')?.value;
    if (!notice || !decision) return [na('卷内无告知书或处理决定')];
    const dates = discussions.map((d) => d.madeOn).filter((x): x is string => !!x).sort();
    if (!dates.length || dates[dates.length - 1] >= notice) return [pass('集体讨论在告知之后（或告知后再次讨论）', discussions.map((d) => docRef(ctx, d)))];
    const responses = [...ctx.docs('statement_record'), ...ctx.docs('hearing_application'), ...ctx.docs('hearing_record')]
      .filter((d) => d.madeOn && d.madeOn >= notice && d.madeOn <= decision)
      .sort((a, b) => (a.madeOn! < b.madeOn! ? -1 : 1));
    if (!responses.length) return [pass('告知前集体讨论；当事人未陈述申辩、未要求听证，无须再次讨论', discussions.map((d) => docRef(ctx, d)))];
    const last = responses[responses.length - 1];
    return [
      {
        status: 'fail',
        data: { ...docData(ctx, discussions[0]), problem: '' },
        problems: [{ id: 'notRediscussed', data: { discussedOn: dates[dates.length - 1], noticeOn: notice, response: ctx.docName(last.type), respondedOn: last.madeOn!, decidedOn: decision } }],
        facts: [docRef(ctx, discussions[0]), docRef(ctx, last), { label: '告知书日期', value: notice }],
        key: 'repeat',
      },
    ];
  },
};
