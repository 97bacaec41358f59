/**
 * The shipped scoring sheets and the shipped rule pack must agree:
 * - every rule's scoringItem is a category of every sheet (so the fallback / error policy never triggers);
 * - every veto rule resolves to a V-item of every sheet, and the sheet lists it under the item its own
 *   `veto:` tag names (the sheet is readable on its own and never contradicts the rule);
 * - every rule a sheet lists under a veto item exists in the pack and is a veto rule (no dead mapping);
 * - veto rules rest on 【Q】 law only (catalog §0: S/I rules print 依据待核 and are never veto);
 * - bonus conditions name rules that exist.
 */
import { defaultRulePack } from '../../src/core/engine';
import { availableScoringSheetIds, loadScoringSheet } from '../../src/core/scoring';

const pack = defaultRulePack();
const sheets = availableScoringSheetIds().map((id) => loadScoringSheet(id));

describe('scoring sheets ↔ rule pack', () => {
  it('the pack and the sheets are there', () => {
    expect(pack.rules.length).toBeGreaterThan(10);
    expect(sheets.map((s) => s.id)).toEqual(expect.arrayContaining(['default-2024', 'strict-veto-zero']));
  });

  it.each(sheets.map((s) => [s.id, s] as const))('%s: every rule scores into a category of the sheet', (_id, sheet) => {
    const cats = new Set(sheet.categories.map((c) => c.id));
    expect(pack.rules.filter((r) => !cats.has(r.scoringItem)).map((r) => `${r.id}:${r.scoringItem}`)).toEqual([]);
  });

  it.each(sheets.map((s) => [s.id, s] as const))('%s: veto rules and veto items agree', (_id, sheet) => {
    const problems: string[] = [];
    for (const r of pack.rules.filter((x) => x.severity === 'veto')) {
      const listed = sheet.veto.find((v) => v.rules.includes(r.id));
      if (!r.veto) problems.push(`${r.id}: veto rule without a veto: tag`);
      if (listed?.id !== r.veto) problems.push(`${r.id}: tagged ${r.veto ?? '—'}, listed under ${listed?.id ?? 'nothing'}`);
      if (r.confidence !== 'Q') problems.push(`${r.id}: veto rule resting on 【${r.confidence}】`);
    }
    for (const v of sheet.veto) {
      for (const id of v.rules) {
        const rule = pack.byId.get(id);
        if (!rule) problems.push(`${v.id} lists ${id}: no such rule in the pack`);
        else if (rule.severity !== 'veto') problems.push(`${v.id} lists ${id}: its severity is ${rule.severity}, it never vetoes`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(sheets.map((s) => [s.id, s] as const))('%s: bonus conditions name rules of the pack', (_id, sheet) => {
    const unknown = sheet.bonus.flatMap((b) => [...(b.applicableAnyOf ?? []), ...(b.passedAllOf ?? [])].filter((id) => !pack.byId.has(id)).map((id) => `${b.id}: ${id}`));
    expect(unknown).toEqual([]);
  });
});
