/**
 * Bench: review-report PDF — time per report with the fonts cached, and PDF size.
 *
 *   node scripts/run-ts.cjs bench/report.ts [--runs 7] [--out /tmp/report-bench]
 *   (or compiled: npx tsc -p tsconfig.json --outDir dist && node dist/bench/report.js — dist/ must sit inside the
 *   repository: the fonts and rules/ are found by walking up from the compiled file)
 *
 * Input: the engine's real review of fixtures/cases/01 (its passed / not-applicable lists) plus n findings
 * written from the pack's own rules (see realisticInput).
 *
 * For 10, 40 and 200 findings: one warm-up render, then `runs` renders; prints the median and the fastest
 * time, the size (KB) and the page count. Goal at 40 findings: ≤ 300 ms and ≤ 150 KB per report — the bench
 * prints the ratio to each goal (≤ 1.00 meets it). The first line shows the one-off cost of reading and
 * parsing the two Noto Sans SC files (≈ 10 MB each), which every later report skips.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseFile } from '../src/core/case-file/types';
import { defaultRulePack, reviewCaseFile } from '../src/core/engine';
import type { Finding, ReviewResult } from '../src/core/engine/types';
import { projectRoot } from '../src/core/paths';
import { layoutReviewReport, loadReportFonts } from '../src/core/report';
import { loadScoringSheet, scoreReview } from '../src/core/scoring';

const GOAL_MS = 300;
const GOAL_KB = 150;

function arg(name: string, fallback: string): string {
  const k = process.argv.indexOf(`--${name}`);
  return k >= 0 && process.argv[k + 1] ? process.argv[k + 1] : fallback;
}

/**
 * Realistic input: a fixture case file and the engine's real review of it (its ~60 passed checks, the
 * not-applicable and undeterminable lists), with n findings whose texts are the pack's own rules (title, 依据,
 * message template filled with sample values, suggestion) and real date-explanation steps — so the variety of
 * characters, which drives the font-subset size, is that of a real report.
 */
function realisticInput(n: number, sheet: ReturnType<typeof loadScoringSheet>) {
  const dir = join(projectRoot(), 'fixtures', 'cases');
  const caseFile = JSON.parse(readFileSync(join(dir, '01-general-fine-clean.json'), 'utf8')) as CaseFile;
  const base = reviewCaseFile(caseFile, { asOf: '2026-11-30', mode: 'review' });
  // real calendar explanations from the fixtures with deadline findings
  const steps: string[][] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) {
    const r = reviewCaseFile(JSON.parse(readFileSync(join(dir, f), 'utf8')) as CaseFile, { asOf: '2026-11-30' });
    for (const x of [...r.findings, ...r.passed]) if (x.calendar && x.calendar.length > 0) steps.push(x.calendar);
  }
  const rules = defaultRulePack().rules;
  const sample: Record<string, string> = {};
  const value = (key: string) =>
    (sample[key] ??= /label/i.test(key) ? '行政处罚决定书' : /(date|first|second|from|to|due|on|end|start)/i.test(key) ? '2025-02-05' : /(amount|days|count|n)$/i.test(key) ? '15' : '调查询问笔录');
  const findings: Finding[] = Array.from({ length: n }, (_, i) => {
    const r = rules[(i * 7) % rules.length];
    return {
      ruleId: r.id,
      severity: r.severity,
      confidence: r.confidence,
      basisPending: r.basisPending,
      title: r.title,
      message: r.message.replace(/\{([A-Za-z]+)\}/g, (_m, k: string) => value(k)),
      basis: r.basis,
      facts: [
        { label: '决定书落款日期', value: '2025-02-05', refId: 'd12' },
        { label: '送达回证签收日期', value: '2025-02-18', refId: 'd13' },
      ],
      calendar: i % 2 === 0 && steps.length > 0 ? steps[i % steps.length] : undefined,
      suggestion: r.suggestion,
      scoringItem: r.scoringItem,
      fingerprint: `${r.id}:${i}`,
      ...(r.veto ? { veto: r.veto } : {}),
    };
  });
  const review: ReviewResult = { ...base, findings };
  return { caseFile, review, score: scoreReview(review, sheet, { caseFile }) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

async function main(): Promise<void> {
  const runs = Number(arg('runs', '7'));
  const out = arg('out', '');
  const sheet = loadScoringSheet('inferred-2024');

  let t0 = process.hrtime.bigint();
  loadReportFonts();
  console.log(`fonts: read + parse once per process ${ms(t0).toFixed(0)} ms (not counted below)`);

  const rows: { n: number; medianMs: number; minMs: number; kb: number; pages: number }[] = [];
  for (const n of [10, 40, 200]) {
    const input = realisticInput(n, sheet);
    await layoutReviewReport(input); // warm-up (JIT, glyph caches)
    const times: number[] = [];
    let pdf: Uint8Array = new Uint8Array();
    let pages = 0;
    for (let i = 0; i < runs; i++) {
      t0 = process.hrtime.bigint();
      const r = await layoutReviewReport(input); // = renderReviewReport, plus the page count
      times.push(ms(t0));
      pdf = r.pdf;
      pages = r.layout.pageCount;
    }
    rows.push({ n, medianMs: median(times), minMs: Math.min(...times), kb: pdf.length / 1024, pages });
    if (out) {
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, `report-${n}.pdf`), pdf);
    }
  }

  console.log('\nfindings  median ms   min ms   size KB   pages');
  for (const r of rows) {
    console.log(
      `${String(r.n).padStart(8)}  ${r.medianMs.toFixed(1).padStart(9)}  ${r.minMs.toFixed(1).padStart(7)}  ${r.kb.toFixed(1).padStart(8)}  ${String(r.pages).padStart(6)}`,
    );
  }
  const at40 = rows.find((r) => r.n === 40)!;
  console.log(`\nat 40 findings: time ${at40.medianMs.toFixed(1)} ms / goal ${GOAL_MS} ms = ratio ${(at40.medianMs / GOAL_MS).toFixed(2)}`);
  console.log(`                size ${at40.kb.toFixed(1)} KB / goal ${GOAL_KB} KB = ratio ${(at40.kb / GOAL_KB).toFixed(2)}`);
  const ok = at40.medianMs <= GOAL_MS && at40.kb <= GOAL_KB;
  console.log(ok ? 'goals met (ratios ≤ 1.00)' : 'goal missed (a ratio > 1.00)');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
