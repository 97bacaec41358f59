/**
 * SEQ-09 — 听证由行政机关指定的非本案调查人员主持 (处罚法第64条（四）): the host is not one of the officers who
 * investigated the case.
 */
import { docRef, na, pass } from '../util';
import type { CheckOutcome, ProblemRef } from '../types';
import { NO_PARAMS, type CustomCheckImpl } from './types';

export const hearingHostIndependence: CustomCheckImpl = {
  name: 'hearing_host_independence',
  description: '听证主持人不是本案调查人员',
  params: NO_PARAMS,
  dataKeys: ['host', 'problem'],
  problemIds: ['hostInvestigated'],
  run(_params, ctx) {
    const docs = ctx.docsInGroup('hearing_host_record').filter((d) => d.hostId);
    if (!docs.length) return [na('卷内未记载听证主持人')];
    const investigators = new Map<string, string>();
    for (const d of ctx.docsInGroup('investigation_participation')) {
      for (const id of d.officerIds ?? []) {
        const o = ctx.caseFile.officers.find((x) => x.id === id);
        investigators.set(id, o?.name ?? id);
      }
      for (const s of d.signatories ?? []) if (s.role === 'officer' || s.role === 'undertaker') investigators.set(s.personId ?? s.name, s.name);
    }
    const names = new Set(investigators.values());
    const out: CheckOutcome[] = [];
    const seen = new Set<string>();
    for (const d of docs) {
      const hostId = d.hostId!;
      if (seen.has(hostId)) continue;
      seen.add(hostId);
      const reviewer = ctx.caseFile.reviewers?.find((r) => r.id === hostId);
      const officer = ctx.caseFile.officers.find((o) => o.id === hostId);
      const hostName = reviewer?.name ?? officer?.name ?? hostId;
      if (investigators.has(hostId) || names.has(hostName)) {
        out.push({
          status: 'fail',
          data: { docName: ctx.docName(d.type), docId: d.id, docLabel: ctx.docLabel(d), host: hostName, problem: '' },
          problems: [{ id: 'hostInvestigated' }],
          facts: [docRef(ctx, d, '听证主持人', hostName)],
          key: hostId,
        });
      }
    }
    return out.length ? out : [pass(`听证主持人（${[...seen].map((id) => ctx.caseFile.reviewers?.find((r) => r.id === id)?.name ?? id).join('、')}）非本案调查人员`, docs.map((d) => docRef(ctx, d)))];
  },
};
