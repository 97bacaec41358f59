/**
 * SEQ-09 — 应听证未告知听证权利或未组织听证 (处罚法第63条、第64条; 否决项 V6): in a case with the right to a
 * hearing the 告知书 informs the party of it, and a hearing the party asked for is held before the decision.
 */
import { docRef, na, pass } from '../util';
import type { CheckOutcome, ProblemRef } from '../types';
import { NO_PARAMS, type CustomCheckImpl } from './types';

export const hearingRights: CustomCheckImpl = {
  name: 'hearing_rights',
  description: '应告知听证权利的告知书载明听证权利；当事人申请听证的，决定前举行听证',
  params: NO_PARAMS,
  dataKeys: ['problem', 'appliedOn', 'decidedOn', 'heardOn'],
  problemIds: ['rightNotNotified', 'notHeld', 'notHeldDecided', 'heldAfterDecision'],
  run(_params, ctx) {
    const out: CheckOutcome[] = [];
    const hearingCase = Boolean(ctx.caseFile.case.flags?.hearing);
    const noticeDate = ctx.fact('noticeDate');
    const notice = noticeDate?.refId ? ctx.docsById.get(noticeDate.refId) : undefined;
    const decided = ctx.has('penalty_decision');
    let checked = 0;
    if (hearingCase && notice) {
      checked++;
      // the flag is case-wide; a file with several rounds (按日连续处罚) needs the right on at least one 告知书
      if (!ctx.docs('penalty_notice').some((n) => n.hearingRightNotified === true))
        out.push({
          status: 'fail',
          data: { docName: ctx.docName(notice.type), docId: notice.id, docLabel: ctx.docLabel(notice), problem: '' },
          problems: [{ id: 'rightNotNotified' }],
          facts: [docRef(ctx, notice, '告知听证权利', false)],
          key: `notice:${notice.id}`,
        });
    }
    const applications = ctx.docs('hearing_application');
    if (applications.length) {
      checked++;
      const held = ctx.docs('hearing_record').length > 0;
      const decision = ctx.fact('decisionDate');
      // 法制审核 before the decision: a hearing applied for and not held bars the decision (SEQ-09: 处罚法第63条、第64条)
      if (!held && (decided || ctx.mode !== 'draft')) {
        out.push({
          status: 'fail',
          data: { docName: ctx.docName('hearing_application'), docId: applications[0].id, docLabel: ctx.docLabel(applications[0]), problem: '' },
          problems: [decision ? { id: 'notHeldDecided', data: { appliedOn: applications[0].madeOn ?? '', decidedOn: decision.value } } : { id: 'notHeld', data: { appliedOn: applications[0].madeOn ?? '' } }],
          facts: [docRef(ctx, applications[0], '听证申请', applications[0].madeOn ?? '')],
          key: 'not-held',
        });
      } else if (held && decision) {
        const hearingOn = ctx.fact('hearingDate');
        if (hearingOn && hearingOn.value > decision.value)
          out.push({
            status: 'fail',
            data: { docName: '听证笔录', docId: hearingOn.refId ?? '', docLabel: '听证笔录', problem: '' },
            problems: [{ id: 'heldAfterDecision', data: { heardOn: hearingOn.value, decidedOn: decision.value } }],
            facts: [{ label: hearingOn.label, value: hearingOn.value, refId: hearingOn.refId }, { label: decision.label, value: decision.value, refId: decision.refId }],
            key: 'late',
          });
      }
    }
    if (!checked) return [na('本案无听证权利告知或听证申请')];
    return out.length ? out : [pass('听证权利已告知；申请听证的已在决定前举行听证', notice ? [docRef(ctx, notice, '告知听证权利', true)] : [])];
  },
};
