/**
 * SEQ-09-3 — 听证由行政机关指定的非本案调查人员主持 (处罚法第64条（四）): the host is not one of the officers who
 * investigated the case (the 执法人员 of the documents of the group `investigation_participation`, and those who
 * signed them as 执法人员 or 承办人). A host proven to be an investigator (the same person id, or the same 执法证号
 * where both are known: ../people.ts) is the defect; a host who only bears an investigator's name is reported at
 * warning for the reviewer to verify (请核实是否为同一人); two different 执法证号 are two people.
 */
import { identity, isProven, peopleOf, personText, signatoryPerson, type Person } from '../people';
import { docRef, na, pass } from '../util';
import type { CheckOutcome } from '../types';
import { NO_PARAMS, type CustomCheckImpl } from './types';

export const hearingHostIndependence: CustomCheckImpl = {
  name: 'hearing_host_independence',
  description: '听证主持人不是本案调查人员（同一人员 id 或执法证号为证；仅同名的请核实）',
  params: NO_PARAMS,
  dataKeys: ['host', 'problem', 'investigator'],
  problemIds: ['hostInvestigated', 'hostNamesake'],
  run(_params, ctx) {
    const docs = ctx.docsInGroup('hearing_host_record').filter((d) => d.hostId);
    if (!docs.length) return [na('卷内未记载听证主持人')];
    const person = peopleOf(ctx);
    const investigators = new Map<string, Person>();
    for (const d of ctx.docsInGroup('investigation_participation')) {
      for (const id of d.officerIds ?? []) investigators.set(id, person(id));
      for (const s of d.signatories ?? []) {
        if (s.role !== 'officer' && s.role !== 'undertaker') continue;
        const p = signatoryPerson(person, s);
        if (!investigators.has(p.id)) investigators.set(p.id, p);
      }
    }
    const out: CheckOutcome[] = [];
    const seen = new Set<string>();
    for (const d of docs) {
      const hostId = d.hostId!;
      if (seen.has(hostId)) continue;
      seen.add(hostId);
      const host = person(hostId);
      const matches = [...investigators.values()].map((i) => ({ investigator: i, how: identity(host, i) }));
      const hit = matches.find((m) => isProven(m.how)) ?? matches.find((m) => m.how === 'same_name');
      if (!hit) continue;
      const proven = isProven(hit.how);
      out.push({
        status: 'fail',
        ...(proven ? {} : { severity: 'warning' as const }),
        data: { docName: ctx.docName(d.type), docId: d.id, docLabel: ctx.docLabel(d), host: host.name, investigator: personText(hit.investigator), problem: '' },
        problems: [proven ? { id: 'hostInvestigated' } : { id: 'hostNamesake', data: { investigator: personText(hit.investigator) } }],
        facts: [
          docRef(ctx, d, '听证主持人', personText(host)),
          { label: proven ? '调查人员' : '同名的调查人员', value: personText(hit.investigator), refId: hit.investigator.id },
        ],
        key: hostId,
      });
    }
    return out.length ? out : [pass(`听证主持人（${[...seen].map((id) => person(id).name).join('、')}）非本案调查人员`, docs.map((d) => docRef(ctx, d)))];
  },
};
