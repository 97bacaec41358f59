/**
 * case_matches_decision — 卷宗登记的拟罚款、决定罚款与告知书、决定书载明的金额（合计）一致 (行政处罚法第59条（三）).
 * case.penalty holds one figure per case: the total over the file's decisions and notices (按日连续处罚: two rounds)
 */
import type { ProblemRef } from '../types';
import type { FactRef } from '../../types';
import { sameAmount, yuan } from '../money';
import { na, pass } from '../util';
import { NO_PARAMS, type CustomCheckImpl } from './types';

export const caseMatchesDecision: CustomCheckImpl = {
  name: 'case_matches_decision',
  description: '卷宗登记的拟罚款、决定罚款与告知书、决定书载明的金额（合计）一致',
  params: NO_PARAMS,
  dataKeys: ['problem', 'registered', 'documented'],
  problemIds: ['decidedFine', 'decidedFineTotal', 'proposedFine', 'proposedFineTotal'],
  run(_params, ctx) {
    const p = ctx.caseFile.case.penalty;
    const decisions = [...ctx.docs('penalty_decision'), ...ctx.docs('daily_penalty_decision'), ...ctx.docs('on_the_spot_decision')].filter((d) => d.amounts?.fine !== undefined);
    const notices = ctx.docs('penalty_notice').filter((d) => d.amounts?.fine !== undefined);
    const decidedTotal = decisions.reduce((n, d) => n + d.amounts!.fine!, 0);
    const proposedTotal = notices.reduce((n, d) => n + d.amounts!.fine!, 0);
    const problems: ProblemRef[] = [];
    const facts: FactRef[] = [];
    let compared = 0;
    if (p?.decidedFine !== undefined && decisions.length) {
      compared++;
      facts.push({ label: '决定书罚款合计', value: decidedTotal }, { label: '卷宗登记决定罚款', value: p.decidedFine });
      if (!sameAmount(p.decidedFine, decidedTotal)) problems.push({ id: decisions.length > 1 ? 'decidedFineTotal' : 'decidedFine', data: { registered: yuan(p.decidedFine), documented: yuan(decidedTotal) } });
    }
    if (p?.proposedFine !== undefined && notices.length) {
      compared++;
      facts.push({ label: '告知书拟罚款合计', value: proposedTotal }, { label: '卷宗登记拟罚款', value: p.proposedFine });
      if (!sameAmount(p.proposedFine, proposedTotal)) problems.push({ id: notices.length > 1 ? 'proposedFineTotal' : 'proposedFine', data: { registered: yuan(p.proposedFine), documented: yuan(proposedTotal) } });
    }
    if (!compared) return [na('卷宗未登记罚款金额或文书未载明')];
    if (problems.length) return [{ status: 'fail', data: { problem: '' }, problems, facts, key: 'case' }];
    return [pass('卷宗登记的罚款金额与文书一致', facts)];
  },
};
