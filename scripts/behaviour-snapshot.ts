/**
 * The behaviour snapshot: what the product says about every sample case file (fixtures/cases) and every rule
 * fixture case (fixtures/rules), recorded as one golden file (test/golden/behaviour.json).
 *
 * Per sample: findings (rule id, severity, message, data, calendar steps, fingerprint), passed / not applicable /
 * undeterminable / upcoming / next documents, the score with the default sheet, and the report's text lines in
 * the order the layout placed them (the rule-pack and holiday-data versions replaced by placeholders). Per rule
 * fixture case: every finding of every rule and the status of the rule the case is about.
 *
 *   npm run snapshot:update      # rewrite the golden after an intended change of behaviour
 *
 * test/golden/behaviour.spec.ts compares the current behaviour with the golden.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCalendar } from '../src/core/calendar';
import { validateCaseFile } from '../src/core/case-file/validate';
import { defaultRulePack, reviewCaseFile, type Finding, type ReviewResult } from '../src/core/engine';
import { projectRoot } from '../src/core/paths';
import { layoutReviewReport } from '../src/core/report';
import { loadScoringSheet, scoreReview } from '../src/core/scoring';
import { buildCase, loadRuleFixtures } from '../test/engine/rule-harness';

export const GOLDEN_FILE = join(projectRoot(), 'test', 'golden', 'behaviour.json');
/** the review date of every sample (fixed, so the snapshot does not move with the clock) */
const SAMPLE_AS_OF = '2026-11-30';
const FIXTURE_AS_OF = '2026-06-30';
/** the default sheet: the 2024 评查细则 (official-2024) */
const SHEET = 'official-2024';
const VERSION_PLACEHOLDERS = { rulePackVersion: '（规则包版本）', holidayDataVersion: '（节假日数据版本）' };

const finding = (f: Finding) => ({
  ruleId: f.ruleId,
  severity: f.severity,
  message: f.message,
  data: f.data ?? {},
  calendar: f.calendar ?? [],
  suggestion: f.suggestion,
  veto: f.veto ?? null,
  fingerprint: f.fingerprint,
});

function outcome(r: ReviewResult) {
  return {
    findings: r.findings.map(finding),
    passed: r.passed.map((p) => `${p.ruleId} ${p.summary}`),
    notApplicable: r.notApplicable.map((p) => `${p.ruleId} ${p.reason}`),
    undeterminable: r.undeterminable.map((p) => `${p.ruleId} ${p.reason}`),
    upcoming: r.upcoming.map((u) => `${u.ruleId} ${u.label} ${u.dueOn} ${u.daysLeft}`),
    nextDocuments: r.nextDocuments.map((n) => `${n.ruleId} ${n.type} ${n.dueOn ?? ''} ${n.reason}`),
  };
}

export interface BehaviourSnapshot {
  samples: Record<string, unknown>;
  ruleFixtures: Record<string, unknown>;
}

export async function collectBehaviour(): Promise<BehaviourSnapshot> {
  const pack = defaultRulePack();
  const calendar = defaultCalendar();
  const sheet = loadScoringSheet(SHEET);
  const samples: Record<string, unknown> = {};
  const dir = join(projectRoot(), 'fixtures', 'cases');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const v = validateCaseFile(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    if (!v.ok) throw new Error(`${file}: ${v.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`);
    // data versions name the data, not what the product says about a file: the golden keeps placeholders, so
    // that a new holiday year or a pack version bump changes it only where findings or their text change
    const review = { ...reviewCaseFile(v.value, { asOf: SAMPLE_AS_OF }, { pack, calendar }), ...VERSION_PLACEHOLDERS };
    const score = scoreReview(review, sheet, { caseFile: v.value });
    const { layout } = await layoutReviewReport({ caseFile: v.value, review, score });
    samples[file] = {
      mode: review.mode,
      ...outcome(review),
      score,
      report: layout.boxes.filter((b) => b.kind === 'text' && b.text).map((b) => `p${b.page} ${b.text}`),
    };
  }
  const ruleFixtures: Record<string, unknown> = {};
  for (const [ruleId, fx] of loadRuleFixtures()) {
    for (const [kind, list] of [['valid', fx.valid], ['invalid', fx.invalid]] as const) {
      for (const c of list) {
        const r = reviewCaseFile(buildCase(c), { mode: c.mode ?? 'review', asOf: c.asOf ?? FIXTURE_AS_OF }, { pack, calendar });
        const mine = (xs: { ruleId: string }[]) => xs.some((x) => x.ruleId === ruleId);
        const status = mine(r.findings) ? 'finding' : mine(r.passed) ? 'passed' : mine(r.notApplicable) ? 'notApplicable'
          : mine(r.undeterminable) ? 'undeterminable' : mine(r.upcoming) ? 'upcoming' : 'absent';
        ruleFixtures[`${ruleId} ${kind}: ${c.name}`] = {
          status,
          findings: r.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, data: f.data ?? {} })),
        };
      }
    }
  }
  return { samples, ruleFixtures };
}

export const serialize = (s: BehaviourSnapshot): string => JSON.stringify(s, null, 1) + '\n';

if (require.main === module) {
  collectBehaviour().then((s) => {
    writeFileSync(GOLDEN_FILE, serialize(s));
    console.log(`${GOLDEN_FILE.slice(projectRoot().length + 1)}: ${Object.keys(s.samples).length} samples, ${Object.keys(s.ruleFixtures).length} rule fixture cases`);
  });
}
