/**
 * SEQ-12 — 处罚法第57条第2款 "行政机关的负责人应当集体讨论决定": the record shows 负责人 attending and a 结论.
 */
import { docRef, na, pass } from '../util';
import type { CheckOutcome } from '../types';
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
  dataKeys: ['problem', 'count'],
  run(params, ctx) {
    const docs = ctx.docs('collective_discussion_record');
    if (!docs.length) return [na('卷内无集体讨论笔录')];
    const min = Number(params.minResponsible);
    const out: CheckOutcome[] = [];
    for (const d of docs) {
      const heads = new Set((d.attendees ?? []).filter((a) => a.role === 'responsible_person').map((a) => a.personId ?? a.name));
      const problems: string[] = [];
      if (heads.size < min) problems.push(`参加讨论的机关负责人${heads.size}人，集体讨论应有${min}名以上负责人`);
      if (!d.conclusion?.trim()) problems.push('未记载讨论结论');
      if (problems.length)
        out.push({
          status: 'fail',
          data: { docName: ctx.docName(d.type), docId: d.id, docLabel: ctx.docLabel(d), problem: problems.join('；'), count: heads.size },
          facts: [docRef(ctx, d, '参加讨论的负责人', heads.size)],
          key: d.id,
        });
    }
    return out.length ? out : [pass(`集体讨论笔录载明负责人参加及结论`, docs.map((d) => docRef(ctx, d)))];
  },
};
