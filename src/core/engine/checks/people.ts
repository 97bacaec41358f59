/**
 * Who is who among the people a case file lists (执法人员 `officers`, 机关人员 `reviewers`, the signatories of a
 * document): the checks that keep roles apart (调查人员不得审查 细则第21项, 不得主持听证 行政处罚法第64条（四）) ask
 * whether two entries are one person. Proof is the same person id, or the same 执法证号 where both are known; a
 * shared name alone proves nothing (two colleagues may bear one name) and is for the reviewer to verify; two
 * different 执法证号 are two people.
 */
import type { Signatory } from '../../case-file/types';
import type { ReviewContext } from '../context';

export interface Person {
  id: string;
  name: string;
  /** 执法证号, when the file gives one */
  certificateNo?: string;
  /** 执法人员 / 机关人员 / 签名人员 */
  listedAs: string;
}

/** how two entries relate: one person by id or by 执法证号, namesakes to verify, or different people */
export type Identity = 'same_id' | 'same_certificate' | 'same_name' | 'different';

export const normalCertificate = (c: string | undefined): string | undefined => c?.replace(/\s+/g, '').toUpperCase() || undefined;
const normalName = (n: string) => n.replace(/\s+/g, '');

export function identity(a: Person, b: Person): Identity {
  if (a.id === b.id) return 'same_id';
  const ca = normalCertificate(a.certificateNo);
  const cb = normalCertificate(b.certificateNo);
  if (ca && cb) return ca === cb ? 'same_certificate' : 'different';
  return normalName(a.name) === normalName(b.name) ? 'same_name' : 'different';
}

export const isProven = (i: Identity): boolean => i === 'same_id' || i === 'same_certificate';

/** the people of the file by id; an id the file does not list stands for itself */
export function peopleOf(ctx: ReviewContext): (id: string) => Person {
  const people = new Map<string, Person>();
  for (const o of ctx.caseFile.officers) people.set(o.id, { id: o.id, name: o.name, certificateNo: o.certificateNo, listedAs: '执法人员' });
  for (const r of ctx.caseFile.reviewers ?? []) people.set(r.id, { id: r.id, name: r.name, certificateNo: r.certificateNo, listedAs: '机关人员' });
  return (id) => people.get(id) ?? { id, name: id, listedAs: '人员' };
}

const SIGNATORY = '签名人员';

/** a signatory as a person: the listed person it names (`personId`), else its own name and 执法证号 */
export function signatoryPerson(person: (id: string) => Person, s: Signatory): Person {
  if (s.personId) {
    const p = person(s.personId);
    return p.certificateNo || !s.certificateNo ? p : { ...p, certificateNo: s.certificateNo };
  }
  return { id: `signatory:${s.name}`, name: s.name, certificateNo: s.certificateNo, listedAs: SIGNATORY };
}

/** 张伟（执法人员 o1，执法证号 43090120180011） — for facts and messages */
export const personText = (p: Person): string =>
  `${p.name}（${p.listedAs === SIGNATORY ? p.listedAs : `${p.listedAs} ${p.id}`}，执法证号${normalCertificate(p.certificateNo) ? ` ${p.certificateNo}` : '未载明'}）`;
