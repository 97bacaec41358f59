/**
 * The shipped scoring sheets and the shipped rule pack must agree:
 * - every rule's scoringItem is a category of every sheet (so the fallback / error policy never triggers);
 * - every veto rule resolves to a V-item of every sheet, and the sheet lists it under the item its own
 *   `veto:` tag names (the sheet is readable on its own and never contradicts the rule);
 * - every rule a sheet lists under a veto item exists in the pack and is a veto rule (no dead mapping);
 * - veto rules rest on 【Q】 law only (catalog §0: S/I rules print 依据待核 and are never veto).
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
    const vetoRules = pack.rules.filter((r) => r.severity === 'veto');
    for (const r of vetoRules) {
      const listed = sheet.veto.find((v) => v.rules.includes(r.id));
      expect({ rule: r.id, item: listed?.id }).toEqual({ rule: r.id, item: r.veto });
      expect({ rule: r.id, confidence: r.confidence }).toEqual({ rule: r.id, confidence: 'Q' });
    }
    for (const v of sheet.veto) {
      for (const id of v.rules) {
        const rule = pack.byId.get(id);
        expect({ item: v.id, rule: id, severity: rule?.severity }).toEqual({ item: v.id, rule: id, severity: 'veto' });
      }
    }
  });
});
