/**
 * The normativity rules (rules/pack/normativity.yaml) beyond the per-rule fixtures: working-day periods in a year
 * without a State Council schedule are 无法判定 (never guessed Mon–Fri), the date arithmetic is explained step by
 * step, and a file that records none of the new fields gets no finding from the 载明事项 rules.
 */
import { defaultCalendar } from '../../src/core/calendar';
import { defaultRulePack, reviewCaseFile } from '../../src/core/engine';
import { buildCase, type PatchOp } from './rule-harness';

const deps = { pack: defaultRulePack(), calendar: defaultCalendar() };
const review = (base: string, patch: PatchOp[], mode: 'review' | 'draft' = 'review', asOf = '2028-06-30') =>
  reviewCaseFile(buildCase({ name: 'normativity', base, patch }), { mode, asOf }, deps);

const NORMATIVITY = deps.pack.rules.filter((r) => r.family === 'normativity').map((r) => r.id);

describe('normativity rules', () => {
  it('are loaded as their own family, none of them a veto', () => {
    expect(NORMATIVITY.length).toBeGreaterThanOrEqual(25);
    for (const id of NORMATIVITY) expect(deps.pack.byId.get(id)!.severity).not.toBe('veto');
  });

  it('a 7-working-day publication period in 2027 (no schedule published) is 无法判定, not counted Mon–Fri', () => {
    const r = review('no-penalty', [
      { op: 'set', path: '/documents/#no-penalty/madeOn', value: '2027-01-04' },
      { op: 'set', path: '/documents/#no-penalty/service/servedOn', value: '2027-01-04' },
      { op: 'set', path: '/documents/#decision-receipt/madeOn', value: '2027-01-04' },
      { op: 'set', path: '/documents/#disclosure/madeOn', value: '2027-01-12' },
      { op: 'set', path: '/documents/#disclosure/publishedOn', value: '2027-01-12' },
    ]);
    expect(r.findings.filter((f) => f.ruleId === 'DL-40')).toEqual([]);
    const u = r.undeterminable.find((x) => x.ruleId === 'DL-40');
    expect(u?.missingYears).toEqual([2027]);
  });

  it('a late withdrawal is counted over the 国庆 holiday and the 调休 Saturday, and explains its working days step by step (处罚法第85条: 三日 are working days)', () => {
    const r = review('general-fine', [
      { op: 'set', path: '/documents/-', value: { id: 'recon', type: 'reconsideration_decision', madeOn: '2025-09-26', receivedOn: '2025-09-30', reconsiderationOutcome: 'revoked' } },
      { op: 'set', path: '/documents/-', value: { id: 'withdraw', type: 'decision_withdrawal_notice', madeOn: '2025-10-13', publishedOn: '2025-10-13' } },
    ]);
    const f = r.findings.find((x) => x.ruleId === 'DL-41')!;
    // 09-30 received; 10-01…10-08 国庆中秋 holiday; 10-09 and 10-10 workdays; 10-11 (Sat) a 调休 workday → due 10-11
    expect(f.data).toMatchObject({ dueOn: '2025-10-11', to: '2025-10-13' });
    expect(f.calendar?.join('\n')).toMatch(/2025-10-11/);
  });

  it('a file that records none of the new 载明事项 fields gets no finding from them (未录入 → not applicable)', () => {
    const r = review('general-fine', [], 'review', '2026-06-30');
    const statedRules = NORMATIVITY.filter((id) => deps.pack.byId.get(id)!.check.kind === 'custom');
    expect(r.findings.filter((f) => statedRules.includes(f.ruleId))).toEqual([]);
    const na = new Map(r.notApplicable.map((x) => [x.ruleId, x.reason]));
    expect(na.get('FLD-31')).toMatch(/卷宗未录入/);
    expect(na.get('FLD-34')).toMatch(/卷宗未录入/);
  });
});
