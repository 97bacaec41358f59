/**
 * Bench: review-report PDF — time per report with the fonts cached, and PDF size.
 *
 *   node scripts/run-ts.cjs bench/report.ts [--runs 7] [--out /tmp/report-bench]
 *   (or compiled: npx tsc -p tsconfig.json --outDir dist && node dist/bench/report.js — dist/ must sit inside the
 *   repository: the fonts and rules/ are found by walking up from the compiled file)
 *
 * For 10, 40 and 200 findings: one warm-up render, then `runs` renders; prints the median and the fastest
 * time, the size (KB) and the page count. Goal at 40 findings: ≤ 300 ms and ≤ 150 KB per report — the bench
 * prints the ratio to each goal (≤ 1.00 meets it). The first line shows the one-off cost of reading and
 * parsing the two Noto Sans SC files (≈ 10 MB each), which every later report skips.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseFile } from '../src/core/case-file/types';
import type { Finding, ReviewResult, Severity } from '../src/core/engine/types';
import { layoutReviewReport, loadReportFonts } from '../src/core/report';
import { loadScoringSheet, scoreReview } from '../src/core/scoring';

const GOAL_MS = 300;
const GOAL_KB = 150;

function arg(name: string, fallback: string): string {
  const k = process.argv.indexOf(`--${name}`);
  return k >= 0 && process.argv[k + 1] ? process.argv[k + 1] : fallback;
}

const caseFile: CaseFile = {
  formatVersion: '1.0',
  case: {
    caseNumber: '益环罚〔2025〕12号',
    causeOfAction: '未按规定安装使用大气污染防治设施案',
    agency: '益阳市生态环境局',
    procedure: 'general',
    status: 'closed',
    violation: { occurredOn: '2024-12-10' },
    discovery: { discoveredOn: '2024-12-12', source: 'inspection' },
  },
  parties: [{ id: 'p1', kind: 'organization', name: '益阳市某某建材有限公司', address: '益阳市赫山区龙岭工业园' }],
  officers: [
    { id: 'o1', name: '张三', certificateNo: '43090001' },
    { id: 'o2', name: '李四', certificateNo: '43090002' },
  ],
  documents: [],
  educationRecords: [],
  fileIndex: [],
};

const CATEGORIES = ['subject', 'filing', 'investigation', 'procedure', 'decision', 'service_enforcement', 'archiving', 'education'];
const SEVERITIES: Severity[] = ['error', 'warning', 'info', 'error', 'warning'];
const TOPICS = [
  ['听证申请期限未届满即作出处罚决定', '告知书于2025-01-24送达，听证申请期限5个工作日，至2025-02-07届满；处罚决定书落款日期为2025-02-05，早于期限届满日。'],
  ['决定书送达超过7个工作日', '决定书落款日期2025-02-05，送达回证签收日期2025-02-18，超过行政处罚法第61条规定的7个工作日。'],
  ['调查询问笔录未记载起止时间', '调查询问笔录（卷内第12–15页）未记载询问起止时间，无法核对询问过程。'],
  ['卷内无普法教育记录', '一般程序处罚案件卷内未见普法教育记录（以案释法笔录、普法告知书签收等）。'],
  ['立案审批表负责人未签署日期', '立案审批表负责人审批栏有签名无日期，无法确定立案之日及办案期限起算日。'],
  ['卷内目录页码与实物不一致', '卷内目录第8项记载页码为21–24，实际文书位于第22–25页。'],
] as const;

/** n findings: every category and severity, a mix of 【Q】 and 【S】 rules, calendar steps on half of them. */
function findings(n: number): Finding[] {
  return Array.from({ length: n }, (_, i) => {
    const [title, message] = TOPICS[i % TOPICS.length];
    const pending = i % 3 === 2;
    return {
      ruleId: `DL-${String((i % 33) + 1).padStart(2, '0')}`,
      severity: SEVERITIES[i % SEVERITIES.length],
      confidence: pending ? 'S' : 'Q',
      basisPending: pending,
      title,
      message,
      basis: [{ law: '中华人民共和国行政处罚法', article: '第六十四条第一款第（一）项' }],
      facts: [
        { label: '告知书送达日', value: '2025-01-24', refId: 'd7' },
        { label: '决定书落款日期', value: '2025-02-05', refId: 'd12' },
      ],
      calendar:
        i % 2 === 0
          ? [
              '起算：告知书送达日 2025-01-24（星期五），当日不计入（民法典第201条）',
              '5个工作日：2025-01-27（一）、2025-01-28（二）为第1、2个工作日；2025-01-29至2025-02-04 春节假期不计',
              '2025-02-05（三）、2025-02-06（四）、2025-02-07（五）为第3、4、5个工作日，期限届满日 2025-02-07',
            ]
          : undefined,
      suggestion: '在期限届满后再作出决定；已作出的决定应予撤销并重新作出，或补正当事人书面放弃的记录。',
      scoringItem: CATEGORIES[i % CATEGORIES.length],
      fingerprint: `F-${i + 1}`,
    };
  });
}

function review(n: number): ReviewResult {
  return {
    caseNumber: caseFile.case.caseNumber,
    mode: 'review',
    asOf: '2025-06-30',
    rulePackVersion: 'bench',
    holidayDataVersion: 'bench',
    findings: findings(n),
    passed: Array.from({ length: 30 }, (_, i) => ({
      ruleId: `SEQ-${String(i + 1).padStart(2, '0')}`,
      title: '文书顺序符合规定',
      summary: '立案审批 2024-12-13 早于调查询问 2024-12-16',
      facts: [],
    })),
    notApplicable: [{ ruleId: 'DL-20', title: '查封扣押期限', reason: '本案未采取查封扣押措施' }],
    undeterminable: [],
    upcoming: [],
    nextDocuments: [],
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

async function main(): Promise<void> {
  const runs = Number(arg('runs', '7'));
  const out = arg('out', '');
  const sheet = loadScoringSheet('default-2024');

  let t0 = process.hrtime.bigint();
  loadReportFonts();
  console.log(`fonts: read + parse once per process ${ms(t0).toFixed(0)} ms (not counted below)`);

  const rows: { n: number; medianMs: number; minMs: number; kb: number; pages: number }[] = [];
  for (const n of [10, 40, 200]) {
    const r = review(n);
    const input = { caseFile, review: r, score: scoreReview(r, sheet) };
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
