/**
 * The shipped scoring sheets cover the shipped rule pack (coverage, not equality: each sheet owns its own
 * categories and veto items; the engine keeps no list of them).
 *
 * Every sheet:
 * - names only rules that exist (no dead mapping; a former id of a merged rule, e.g. DL-33 → DL-01, resolves);
 * - never lets a rule on 【S】/【I】 ground veto (catalog §0: such rules print 依据待核 and never veto).
 * Deduction sheets (inferred-2024, strict-veto-zero):
 * - every rule's scoringItem is a category of the sheet, or the sheet falls back (policy fallback) — with
 *   policy error every rule must score into a category;
 * - every veto rule resolves to a veto item (listed by the sheet or by its own tag), never to the unmapped bucket;
 * - a rule a sheet lists under a veto item is a veto rule.
 * 细则 sheets (official-2024):
 * - every rule of the pack is placed somewhere: a 重大问题 (rules or hints), a document sub-item, a 卷面 element,
 *   or the sheet's `unscored` list with the reason — so a rule added to the pack fails here until the sheet says
 *   what it is worth;
 * - a rule that makes a 重大问题 rests on 【Q】 law;
 * - every veto-severity rule of the pack is a 重大问题 of the sheet or listed as unscored with a reason.
 */
import { defaultRulePack } from '../../src/core/engine';
import { availableScoringSheetIds, loadScoringSheet, type DeductionSheet, type XizeSheet } from '../../src/core/scoring';

const pack = defaultRulePack();
/** a rule of the pack, or a former id of one (DL-33 → DL-01): the sheet names either */
const known = (id: string) => pack.byId.has(id) || pack.formerIds.has(id);
const sheets = availableScoringSheetIds().map((id) => loadScoringSheet(id));
const deductionSheets = sheets.filter((s): s is DeductionSheet => s.model === 'deduction');
const xizeSheets = sheets.filter((s): s is XizeSheet => s.model === 'xize-2024');

/** every rule id a 细则 sheet names, with where */
function placements(sheet: XizeSheet): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (id: string, where: string) => out.set(id, [...(out.get(id) ?? []), where]);
  for (const it of sheet.legality.items) {
    it.rules.forEach((r) => add(r, `${it.id}.rules`));
    it.hints.forEach((r) => add(r, `${it.id}.hints`));
  }
  for (const g of sheet.form.groups) for (const e of g.elements) {
    e.rules.forEach((r) => add(r, `${e.id}.rules`));
    e.hints.forEach((r) => add(r, `${e.id}.hints`));
  }
  for (const ct of sheet.caseTypes) for (const { no, item } of ct.documents) for (const s of item.subItems) {
    s.rules.forEach((r) => add(r, `${ct.code}${no}.${s.no}.rules`));
    s.hints.forEach((r) => add(r, `${ct.code}${no}.${s.no}.hints`));
  }
  sheet.unscored.forEach((u, i) => u.rules.forEach((r) => add(r, `unscored[${i}]`)));
  return out;
}

describe('scoring sheets ↔ rule pack (coverage)', () => {
  it('the pack and the sheets are there', () => {
    expect(pack.rules.length).toBeGreaterThan(10);
    expect(sheets.map((s) => s.id)).toEqual(expect.arrayContaining(['inferred-2024', 'strict-veto-zero', 'official-2024']));
  });

  describe.each(deductionSheets.map((s) => [s.id, s] as const))('%s (deduction model)', (_id, sheet) => {
    it('every rule scores into a category, or the sheet falls back', () => {
      const cats = new Set(sheet.categories.map((c) => c.id));
      const outside = pack.rules.filter((r) => !cats.has(r.scoringItem)).map((r) => `${r.id}:${r.scoringItem}`);
      if (sheet.unknownScoringItem.policy === 'error') expect(outside).toEqual([]);
      else expect(cats.has(sheet.unknownScoringItem.fallbackCategory!)).toBe(true);
    });

    it('every veto rule resolves to a veto item; listed rules exist and veto', () => {
      const problems: string[] = [];
      const ids = new Set(sheet.veto.map((v) => v.id));
      for (const r of pack.rules.filter((x) => x.severity === 'veto')) {
        const listed = sheet.veto.find((v) => v.rules.includes(r.id));
        if (!listed && !(r.veto && ids.has(r.veto))) problems.push(`${r.id}: no veto item of ${sheet.id} takes it (tag ${r.veto ?? '—'})`);
        if (r.confidence !== 'Q') problems.push(`${r.id}: veto rule resting on 【${r.confidence}】`);
      }
      for (const v of sheet.veto) {
        for (const id of v.rules) {
          const rule = pack.byId.get(pack.formerIds.get(id) ?? id);
          if (!rule) problems.push(`${v.id} lists ${id}: no such rule in the pack`);
          else if (rule.severity !== 'veto') problems.push(`${v.id} lists ${id}: its severity is ${rule.severity}, it never vetoes`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('bonus conditions name rules of the pack', () => {
      const unknown = sheet.bonus.flatMap((b) => [...(b.applicableAnyOf ?? []), ...(b.passedAllOf ?? [])].filter((id) => !known(id)).map((id) => `${b.id}: ${id}`));
      expect(unknown).toEqual([]);
    });
  });

  describe.each(xizeSheets.map((s) => [s.id, s] as const))('%s (细则 model)', (_id, sheet) => {
    const placed = placements(sheet);

    it('every rule of the pack is placed in the sheet (an item, a hint, or unscored with a reason)', () => {
      expect(pack.rules.filter((r) => !placed.has(r.id)).map((r) => `${r.id} ${r.title}`)).toEqual([]);
    });

    it('names only rules that exist', () => {
      expect([...placed.keys()].filter((id) => !known(id)).map((id) => `${id} (${placed.get(id)!.join(', ')})`)).toEqual([]);
    });

    it('a rule that makes a 重大问题 rests on 【Q】 law; an unscored rule is nowhere else', () => {
      const problems: string[] = [];
      for (const it of sheet.legality.items) for (const id of it.rules) {
        const r = pack.byId.get(id);
        if (r && r.confidence !== 'Q') problems.push(`${it.id}: ${id} rests on 【${r.confidence}】 and cannot make a 重大问题`);
      }
      for (const [id, where] of placed) {
        if (where.some((w) => w.startsWith('unscored')) && where.some((w) => !w.startsWith('unscored'))) problems.push(`${id} is unscored and also ${where.join(', ')}`);
      }
      expect(problems).toEqual([]);
    });

    it('every veto-severity rule is a 重大问题 of the sheet or unscored with a reason', () => {
      const legal = new Set(sheet.legality.items.flatMap((i) => i.rules));
      const unscored = new Set(sheet.unscored.flatMap((u) => u.rules));
      const form = new Set(sheet.form.groups.flatMap((g) => g.elements.flatMap((e) => e.rules)));
      expect(pack.rules.filter((r) => r.severity === 'veto' && !legal.has(r.id) && !unscored.has(r.id) && !form.has(r.id)).map((r) => r.id)).toEqual([]);
    });
  });
});
