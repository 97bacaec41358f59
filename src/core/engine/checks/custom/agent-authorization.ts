/**
 * C1-05 — 委托代理人须有授权委托书 (处罚法第64条（五） 当事人可以亲自参加听证，也可以委托一至二人代理):
 * each agent points at an 授权委托书 in the file; at most two agents per party in a hearing.
 */
import { na, pass } from '../util';
import type { CheckOutcome, ProblemRef } from '../types';
import { NO_PARAMS, type CustomCheckImpl } from './types';

export const agentAuthorization: CustomCheckImpl = {
  name: 'agent_authorization',
  description: '委托代理人有授权委托书；听证代理人不超过二人',
  params: NO_PARAMS,
  dataKeys: ['agent', 'problem', 'letterId', 'partyId'],
  problemIds: ['noLetter', 'letterNotInFile', 'tooManyAgents'],
  run(_params, ctx) {
    const agents = ctx.caseFile.agents ?? [];
    if (!agents.length) return [na('无委托代理人')];
    const out: CheckOutcome[] = [];
    for (const a of agents) {
      const letter = a.authorizationDocumentId ? ctx.docsById.get(a.authorizationDocumentId) : undefined;
      const problem: ProblemRef | undefined = !a.authorizationDocumentId
        ? { id: 'noLetter' }
        : !letter || letter.type !== 'authorization_letter'
          ? { id: 'letterNotInFile', data: { letterId: a.authorizationDocumentId } }
          : undefined;
      if (problem)
        out.push({ status: 'fail', data: { agent: a.name, problem: '' }, problems: [problem], facts: [{ label: '委托代理人', value: a.name, refId: a.id }], key: a.id });
    }
    if (ctx.has('hearing_record')) {
      const perParty = new Map<string, number>();
      for (const a of agents) perParty.set(a.partyId, (perParty.get(a.partyId) ?? 0) + 1);
      for (const [partyId, n] of perParty)
        if (n > 2)
          out.push({ status: 'fail', data: { agent: String(n), problem: '' }, problems: [{ id: 'tooManyAgents', data: { partyId } }], facts: [{ label: '委托代理人人数', value: n }], key: `count:${partyId}` });
    }
    return out.length ? out : [pass(`委托代理人${agents.map((a) => a.name).join('、')}均有授权委托书`, agents.map((a) => ({ label: '委托代理人', value: a.name, refId: a.id })))];
  },
};
