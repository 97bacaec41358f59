/**
 * SEQ-12 — 处罚法第57条第2款 "行政机关的负责人应当集体讨论决定": the record shows 负责人 attending and a 结论.
 */
import { docRef, na, pass } from '../util';
import type { CheckOutcome, ProblemRef } from '../types';
import type { CustomCheckImpl } from './types';

export const collectiveDiscussionAttendance: CustomCheckImpl = {
  name: 'collective_discussion_attendance',
  description: '集体讨论笔录载明负责人参加（至少两名负责人）及讨论结论',
  params: {
    type: 'object',
    required: ['minResponsible'],
    additionalProperties: false,
    properties: { minResponsible: { type: 'integer', minimum: 1 } },
  },
  dataKeys: ['problem', 'count', 'min'],
  problemIds: ['tooFewHeads', 'noConclusion'],
  run(params, ctx) {
    const docs = ctx.docs('collective_discussion_record');
    if (!docs.length) return [na('卷内无集体讨论笔录')];
    const min = Number(params.minResponsible);
    const out: CheckOutcome[] = [];
    for (const d of docs) {
      const heads = new Set((d.attendees ?? []).filter((a) => a.role === 'responsible_person').map((a) => a.personId ?? a.name));
      const problems: ProblemRef[] = [];
      if (heads.size < min) problems.push({ id: 'tooFewHeads', data: { min } });
      if (!d.conclusion?.trim()) problems.push({ id: 'noConclusion' });
      if (problems.length)
        out.push({
          status: 'fail',
          data: { docName: ctx.docName(d.type), docId: d.id, docLabel: ctx.docLabel(d), problem: '', count: heads.size },
          problems,
          facts: [docRef(ctx, d, '参加讨论的负责人', heads.size)],
          key: d.id,
        });
    }
    return out.length ? out : [pass(`集体讨论笔录载明负责人参加及结论`, docs.map((d) => docRef(ctx, d)))];
  },
};
