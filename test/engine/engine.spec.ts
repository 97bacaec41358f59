/** reviewCaseFile as a whole: determinism, modes, undeterminable years, result shape. */
import { defaultCalendar } from '../../src/core/calendar';
import { defaultMode, defaultRulePack, PeriodMemo, reviewCaseFile, RuleEngine, todayInShanghai } from '../../src/core/engine';
import { buildCase } from './rule-harness';
import { NO_SCHEDULE_YEAR } from '../support/holiday-coverage';

const deps = { pack: defaultRulePack(), calendar: defaultCalendar() };

describe('reviewCaseFile', () => {
  it('is deterministic: same file, same result, same fingerprints', () => {
    const cf = buildCase({ name: 'x', base: 'general-fine', patch: [{ op: 'set', path: '/documents/#decision/service/servedOn', value: '2025-04-15' }] });
    const a = reviewCaseFile(cf, { mode: 'review', asOf: '2026-01-01' }, deps);
    const b = reviewCaseFile(structuredClone(cf), { mode: 'review', asOf: '2026-01-01' }, deps);
    expect(b).toEqual(a);
    expect(a.findings.length).toBeGreaterThan(0);
    expect(new Set(a.findings.map((f) => f.fingerprint)).size).toBe(a.findings.length);
  });

  it('fingerprints do not depend on asOf or on unrelated edits', () => {
    const cf = buildCase({ name: 'x', base: 'general-fine', patch: [{ op: 'set', path: '/documents/#decision/sealed', value: false }] });
    const a = reviewCaseFile(cf, { mode: 'review', asOf: '2026-01-01' }, deps).findings.find((f) => f.ruleId === 'SEQ-15')!;
    cf.case.notes = '另案备注';
    const b = reviewCaseFile(cf, { mode: 'review', asOf: '2027-05-05' }, deps).findings.find((f) => f.ruleId === 'SEQ-15')!;
    expect(b.fingerprint).toBe(a.fingerprint);
    expect(a.fingerprint).toMatch(/^SEQ-15:[0-9a-f]{16}$/);
  });

  it('a finding explains itself: basis, facts, calendar steps, suggestion, scoring item, veto item', () => {
    const cf = buildCase({
      name: 'x',
      base: 'general-fine',
      patch: [
        { op: 'set', path: '/documents/#decision/madeOn', value: '2024-09-27' },
        { op: 'set', path: '/documents/#decision/service/servedOn', value: '2024-10-14' },
        { op: 'set', path: '/documents/#notice/statementRightNotified', value: false },
      ],
    });
    const r = reviewCaseFile(cf, { mode: 'review', asOf: '2026-01-01' }, deps);
    const f = r.findings.find((x) => x.ruleId === 'DL-08')!;
    expect(f.message).toContain('2024-10-12');
    expect(f.basis[0]).toMatchObject({ law: '中华人民共和国行政处罚法', article: '第61条、第85条' });
    expect(f.facts.map((x) => x.refId)).toEqual(expect.arrayContaining(['decision']));
    expect(f.calendar!.join('\n')).toMatch(/2024-10-12/);
    expect(f.scoringItem).toBe('service_enforcement');
    expect(f.suggestion.length).toBeGreaterThan(4);
    const veto = r.findings.find((x) => x.ruleId === 'FLD-09')!;
    expect(veto).toMatchObject({ severity: 'veto', veto: 'V5', confidence: 'Q', basisPending: false });
    // most severe first
    expect(r.findings[0].severity).toBe('veto');
  });

  it('lists what was checked with the facts', () => {
    const r = reviewCaseFile(buildCase({ name: 'x', base: 'general-fine' }), { mode: 'review', asOf: '2026-01-01' }, deps);
    const p = r.passed.find((x) => x.ruleId === 'DL-08')!;
    expect(p.summary).toBe('送达在七个工作日内：决定书送达期限（七个工作日）：2025-04-01 → 2025-04-03，不晚于 2025-04-11');
    expect(r.rulePackVersion).toBe(deps.pack.version);
    expect(r.holidayDataVersion).toBe(deps.calendar.dataVersion());
    expect(r.caseNumber).toBe('益环罚〔2025〕12号');
  });

  it('a year without holiday data makes working-day rules undeterminable, naming the year', () => {
    const cf = buildCase({
      name: 'x',
      base: 'general-fine',
      patch: [
        { op: 'set', path: '/documents/#decision/madeOn', value: `${NO_SCHEDULE_YEAR}-03-01` },
        { op: 'set', path: '/documents/#decision/service/servedOn', value: `${NO_SCHEDULE_YEAR}-03-05` },
      ],
    });
    const r = reviewCaseFile(cf, { mode: 'review', asOf: `${NO_SCHEDULE_YEAR}-06-01` }, deps);
    const u = r.undeterminable.find((x) => x.ruleId === 'DL-08')!;
    expect(u.missingYears).toEqual([NO_SCHEDULE_YEAR]);
    expect(u.reason).toContain(`${NO_SCHEDULE_YEAR}年`);
    expect(r.findings.map((f) => f.ruleId)).not.toContain('DL-08');
  });

  it('draft mode: what has not come due is no defect; lists upcoming deadlines and next documents', () => {
    const cf = buildCase({
      name: 'x',
      base: 'hearing',
      patch: [
        { op: 'set', path: '/case/status', value: 'in_progress' },
        { op: 'drop', id: 'hearing-app' },
        { op: 'drop', id: 'host' },
        { op: 'drop', id: 'hearing-notice' },
        { op: 'drop', id: 'hearing' },
        { op: 'drop', id: 'hearing-report' },
        { op: 'drop', id: 'legal' },
        { op: 'drop', id: 'discussion' },
        { op: 'drop', id: 'decision' },
        { op: 'drop', id: 'payment' },
        { op: 'drop', id: 'disclosure' },
        { op: 'drop', id: 'closing' },
      ],
    });
    const r = reviewCaseFile(cf, { asOf: '2025-01-27' }, deps);
    expect(r.mode).toBe('draft');
    expect(r.findings.filter((f) => f.severity === 'veto' || f.severity === 'error').map((f) => f.ruleId)).toEqual([]);
    expect(r.upcoming).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ruleId: 'DL-06', label: '听证申请期限届满', dueOn: '2025-02-07', daysLeft: 11 }),
        expect.objectContaining({ ruleId: 'SEQ-07', dueOn: '2025-02-07' }),
        expect.objectContaining({ ruleId: 'DL-01', dueOn: '2025-04-08' }),
      ]),
    );
    expect(r.nextDocuments.map((n) => n.type)).toEqual(expect.arrayContaining(['penalty_decision', 'legal_review_opinion', 'collective_discussion_record', 'closing_approval']));
  });

  it('draft mode: a deadline already past is a defect', () => {
    const cf = buildCase({ name: 'x', base: 'general-fine', patch: [{ op: 'set', path: '/case/status', value: 'in_progress' }, { op: 'drop', id: 'decision' }, { op: 'drop', id: 'payment' }, { op: 'drop', id: 'disclosure' }, { op: 'drop', id: 'closing' }] });
    const r = reviewCaseFile(cf, { asOf: '2025-06-10' }, deps);
    expect(r.findings.find((f) => f.ruleId === 'DL-01')?.message).toContain('2025-06-03');
  });

  it('default mode follows the status; asOf defaults to today in Asia/Shanghai', () => {
    const cf = buildCase({ name: 'x', base: 'general-fine' });
    expect(defaultMode(cf)).toBe('review');
    expect(defaultMode({ ...cf, case: { ...cf.case, status: 'in_progress' } })).toBe('draft');
    expect(reviewCaseFile(cf, {}, deps).asOf).toBe(todayInShanghai());
  });
});

describe('todayInShanghai', () => {
  it('is the Beijing calendar date whatever the process time zone', () => {
    expect(todayInShanghai(new Date('2025-01-01T16:30:00Z'))).toBe('2025-01-02');
    expect(todayInShanghai(new Date('2025-01-01T15:59:00Z'))).toBe('2025-01-01');
  });
});

describe('RuleEngine: the period memo belongs to the engine', () => {
  const cf = buildCase({ name: 'x', base: 'general-fine' });
  const opts = { mode: 'review' as const, asOf: '2026-01-01' };

  it('an engine keeps the periods it counted; a second review of the same file counts none again', () => {
    const engine = new RuleEngine(deps);
    const first = engine.review(cf, opts);
    const counted = engine.periods.size;
    expect(counted).toBeGreaterThan(0);
    expect(engine.review(structuredClone(cf), opts)).toEqual(first);
    expect(engine.periods.size).toBe(counted);
  });

  it('engines share nothing, and reviewCaseFile without an engine gives the same result', () => {
    const a = new RuleEngine(deps);
    const b = new RuleEngine(deps);
    a.review(cf, opts);
    expect(b.periods.size).toBe(0);
    expect(reviewCaseFile(cf, opts, deps)).toEqual(a.review(cf, opts));
  });

  it('a memo past its limit starts again instead of growing', () => {
    const memo = new PeriodMemo(deps.calendar, 2);
    for (const start of ['2025-03-03', '2025-03-04', '2025-03-05']) memo.period({ start, amount: 5, unit: 'workday' });
    expect(memo.size).toBe(1);
  });
});
