/**
 * The one way a rule's 依据 is written out, in the three places it is read:
 * - `plain`: 中华人民共和国行政处罚法第64条（一）；生态环境行政处罚办法（2023）第90条 — findings in the CLI and the
 *   evaluation outputs (CSV/XLSX/JSON), each article as the pack cites it;
 * - `short`: 行政处罚法第61条 — calendar explanations (the law's short name: without 中华人民共和国);
 * - `grouped`: 《中华人民共和国行政处罚法》第64条（一）、第85条；《…》第3条 — the PDF reports, articles of one law
 *   grouped in order of appearance, "—" when there is none.
 * An article read only in a third-party copy says so in every style (THIRD_PARTY_COPY_NOTE).
 */
import { THIRD_PARTY_COPY_NOTE, type LegalBasis } from '../engine/types';

export type BasisStyle = 'plain' | 'short' | 'grouped';

export function basisText(basis: readonly LegalBasis[], style: BasisStyle = 'plain'): string {
  const article = (b: LegalBasis) => b.article + (b.mark === 'Q†' ? THIRD_PARTY_COPY_NOTE : '');
  if (style !== 'grouped') return basis.map((b) => (style === 'short' ? b.law.replace(/^中华人民共和国/, '') : b.law) + article(b)).join('；');
  const groups: { law: string; articles: string[] }[] = [];
  for (const b of basis) {
    const law = b.law.startsWith('《') ? b.law : `《${b.law}》`;
    const a = article(b);
    const g = groups.find((x) => x.law === law);
    if (g) {
      if (!g.articles.includes(a)) g.articles.push(a);
    } else groups.push({ law, articles: [a] });
  }
  return groups.map((g) => `${g.law}${g.articles.join('、')}`).join('；') || '—';
}
