/**
 * M17 — 评查细则第3项【Q†】: "案卷中不同文书以及证据材料的当事人名称不一致，且无合理解释" is a 重大问题. A document's
 * 当事人名称 as written (`partyNameAsWritten`) is compared with the party it concerns (`partyId`; a document of a file
 * with several parties that names none by id may concern any of them), typographic variants (spaces, bracket
 * styles) aside. An inconsistency the file explains (`partyNameNote`: 笔误更正、名称变更 and where the proof is)
 * is not for the machine to accept or reject: it is reported at severity info, for the reviewer to judge whether the
 * explanation is reasonable; an unexplained one is the 重大问题.
 */
import { normalizeText } from '../consistency';
import { docData, docRef, na, pass } from '../util';
import type { CheckOutcome } from '../types';
import { NO_PARAMS, type CustomCheckImpl } from './types';

export const partyNameConsistency: CustomCheckImpl = {
  name: 'party_name_consistency',
  description: '各文书所写当事人名称与卷宗一致；不一致的，卷内有说明则交评查人员判断（info），无说明为重大问题',
  params: NO_PARAMS,
  dataKeys: ['written', 'expected', 'note'],
  run(_params, ctx) {
    const out: CheckOutcome[] = [];
    let checked = 0;
    for (const d of ctx.caseFile.documents) {
      const written = d.partyNameAsWritten;
      if (written === undefined) continue;
      checked++;
      const expected = ctx.partyOf(d)?.name;
      if (expected === undefined || normalizeText(written) === normalizeText(expected)) continue;
      // several parties and the document names none of them by id: it may concern any of them
      const parties = ctx.caseFile.parties;
      if (!d.partyId && parties.length > 1 && parties.some((p) => normalizeText(p.name) === normalizeText(written))) continue;
      const facts = [docRef(ctx, d, `${ctx.docName(d.type)}所写当事人名称`, written), { label: '卷宗当事人名称', value: expected }];
      const note = d.partyNameNote?.trim();
      if (note)
        out.push({
          status: 'fail',
          severity: 'info',
          variant: 'explained',
          data: { ...docData(ctx, d), written, expected, note },
          facts: [...facts, { label: '卷内说明', value: note }],
          key: d.id,
        });
      else out.push({ status: 'fail', data: { ...docData(ctx, d), written, expected }, facts, key: d.id });
    }
    if (!checked) return [na('卷内文书未记载当事人名称')];
    if (out.length) return out;
    return [pass(`${checked}份文书所写当事人名称一致`, [])];
  },
};
