/**
 * The engine never throws on a valid case file, whatever is missing: synthetic files (bench/synthetic.ts) with
 * random documents dropped, reviewed in both modes on random days. Every finding is fully formed.
 */
import fc from 'fast-check';
import { generateSyntheticCases } from '../../bench/synthetic';
import { defaultCalendar } from '../../src/core/calendar';
import { validateCaseFile } from '../../src/core/case-file/validate';
import { defaultRulePack, reviewCaseFile } from '../../src/core/engine';
import { applyPatch } from './rule-harness';

const deps = { pack: defaultRulePack(), calendar: defaultCalendar() };
const cases = [...generateSyntheticCases(120, 99)].map((c) => c.caseFile);

describe('robustness', () => {
  it('clean synthetic files have no veto/error finding; every file reviews in both modes', () => {
    for (const c of generateSyntheticCases(200, 7)) {
      const r = reviewCaseFile(c.caseFile, { mode: 'review', asOf: '2026-11-30' }, deps);
      if (c.defect === 'none') expect(r.findings.filter((f) => f.severity === 'veto' || f.severity === 'error').map((f) => `${c.index} ${f.ruleId} ${f.message}`)).toEqual([]);
      else expect(r.findings.length).toBeGreaterThan(0);
    }
  });

  it('never throws when documents are missing; findings are complete', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: cases.length - 1 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.constantFrom('review', 'draft'),
        fc.integer({ min: 0, max: 1000 }),
        (i, picks, mode, day) => {
          const cf = structuredClone(cases[i]);
          const ids = picks.map((p) => cf.documents[p % cf.documents.length]?.id).filter(Boolean);
          const doc = applyPatch(cf, ids.map((id) => ({ op: 'drop' as const, id })));
          const v = validateCaseFile(doc);
          if (!v.ok) return; // a drop that breaks a reference the harness does not repair
          const asOf = new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
          const r = reviewCaseFile(v.value, { mode: mode as 'review' | 'draft', asOf }, deps);
          for (const f of r.findings) {
            expect(f.message).not.toMatch(/\{[A-Za-z]+\}|undefined|NaN/);
            expect(f.fingerprint).toMatch(/^.+:[0-9a-f]{16}$/);
            expect(deps.pack.byId.has(f.ruleId)).toBe(true);
          }
          for (const u of r.upcoming) expect(u.dueOn >= r.asOf).toBe(true);
        },
      ),
      { numRuns: 300, seed: 42 },
    );
  });
});
