/**
 * 年度案卷评查 — evaluate a batch of case files end to end.
 *
 * Per file: parse + validate (a bad file is recorded with its Chinese messages and skipped), review (mode review),
 * score. Memory stays flat: only one summary row per file and counters are kept; each file's findings go to an
 * NDJSON file on disk (its byte range is remembered) for the findings sheet of the XLSX.
 *
 * Outputs in `outDir`: results.json, summary.csv, summary.xlsx, summary.pdf.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { basename, join } from 'node:path';
import type { ValidationIssue } from '../case-file/validation-issue';
import { todayInShanghai } from '../engine';
import type { ScoringSheet } from '../scoring/types';
import { createAssessContext, SEVERITIES, type FileOutcome, type FindingLine } from './assess';
import { openEvaluationInput, type EvaluationInput } from './input';
import { assessAll, defaultWorkerCount } from './pool';
import { writeSummaryCsv } from './csv';
import { writeSummaryPdf } from './pdf';
import { writeSummaryXlsx } from './xlsx';
import {
  EVALUATION_FORMAT,
  type AgencyStats,
  type EvaluatedFileRow,
  type EvaluationProgress,
  type EvaluationResults,
  type FailedFileRow,
  type RuleCount,
  type SeverityCounts,
  type UnfinishedFileRow,
  UNFINISHED_REASON,
} from './types';

export interface EvaluationOptions {
  /** a folder / zip path, or an input already opened (stored cases) */
  input: string | EvaluationInput;
  outDir: string;
  /** scoring sheet id (default: the configured default sheet) */
  sheetId?: string;
  /** review date (default: today in Asia/Shanghai) */
  asOf?: string;
  onProgress?: (p: EvaluationProgress) => void;
  /** label of the input in meta (default: the input path's base name) */
  inputLabel?: string;
  /** worker threads for parse/validate/review/score (0 = this thread; default: CASEFILE_WORKERS, else up to 4
   *  when the input has 200 files or more and the machine has two cores or more) */
  workers?: number;
}

/** An evaluated row plus where its findings sit in the NDJSON (not part of results.json). */
export interface RowWithFindings extends EvaluatedFileRow {
  findingsAt: { offset: number; length: number };
}

export const OUTPUT_FILES = ['results.json', 'summary.csv', 'summary.xlsx', 'summary.pdf'] as const;
const MAX_ISSUES_PER_FILE = 20;

const emptySeverities = (): SeverityCounts => ({ veto: 0, error: 0, warning: 0, info: 0 });
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const round2 = (n: number) => Math.round(n * 100) / 100;

/** Ranking order: score high → low, then 案号, then file name (all code-point order). */
export function compareRows(a: EvaluatedFileRow, b: EvaluatedFileRow): number {
  return b.total - a.total || cmp(a.caseNumber, b.caseNumber) || cmp(a.file, b.file);
}

interface RuleCounter extends RuleCount {
  lastFile: number;
}

class Aggregator {
  readonly rows: RowWithFindings[] = [];
  readonly failed: FailedFileRow[] = [];
  readonly unfinished: UnfinishedFileRow[] = [];
  readonly rules = new Map<string, RuleCounter>();
  readonly categories = new Map<string, { deductedPoints: number; findings: number; files: number; scoreSum: number }>();
  readonly agencies = new Map<string, { rows: number; scoreSum: number; grades: Map<string, number>; vetoFiles: number; findings: number; rules: Map<string, { title: string; files: number }> }>();
  readonly severities = emptySeverities();
  /** 细则 sheets: files per 重大问题 item and per case type */
  private readonly majorIssueFiles = new Map<number, number>();
  private readonly caseTypes = new Map<string, { files: number; scoreSum: number }>();
  private formDeductedSum = 0;
  private filesWithManual = 0;
  private fileNo = 0;

  constructor(private readonly sheet: ScoringSheet) {
    for (const c of sheet.categories) this.categories.set(c.id, { deductedPoints: 0, findings: 0, files: 0, scoreSum: 0 });
  }

  addFailed(file: string, issues: ValidationIssue[]): void {
    this.failed.push({ file, issues: issues.slice(0, MAX_ISSUES_PER_FILE), issueCount: issues.length });
  }

  addEvaluated(row: RowWithFindings, findings: FindingLine[], categories: Extract<FileOutcome, { status: 'ok' }>['categories']): void {
    this.fileNo++;
    this.rows.push(row);
    if (row.official) {
      const o = row.official;
      for (const no of new Set(o.majorIssueNos)) this.majorIssueFiles.set(no, (this.majorIssueFiles.get(no) ?? 0) + 1);
      const ct = this.caseTypes.get(o.caseType) ?? { files: 0, scoreSum: 0 };
      ct.files++;
      ct.scoreSum += row.total;
      this.caseTypes.set(o.caseType, ct);
      this.formDeductedSum += o.formDeducted;
      if (o.manualItems > 0) this.filesWithManual++;
    }
    const agency = this.agencyOf(row.agency);
    agency.rows++;
    agency.scoreSum += row.total;
    agency.grades.set(row.grade, (agency.grades.get(row.grade) ?? 0) + 1);
    if (row.vetoCount > 0) agency.vetoFiles++;
    agency.findings += findings.length;
    const agencyRulesSeen = new Set<string>();
    for (const f of findings) {
      this.severities[f.severity]++;
      let r = this.rules.get(f.ruleId);
      if (!r) {
        r = { ruleId: f.ruleId, title: f.title, severity: f.severity, findings: 0, files: 0, lastFile: 0 };
        this.rules.set(f.ruleId, r);
      }
      r.findings++;
      if (r.lastFile !== this.fileNo) {
        r.lastFile = this.fileNo;
        r.files++;
      }
      // the most severe severity a rule was seen with
      if (SEVERITIES.indexOf(f.severity) < SEVERITIES.indexOf(r.severity)) r.severity = f.severity;
      if (!agencyRulesSeen.has(f.ruleId)) {
        agencyRulesSeen.add(f.ruleId);
        const ar = agency.rules.get(f.ruleId) ?? { title: f.title, files: 0 };
        ar.files++;
        agency.rules.set(f.ruleId, ar);
      }
    }
    for (const c of categories) {
      const stats = this.categories.get(c.id);
      if (!stats) continue;
      stats.scoreSum += c.score;
      stats.deductedPoints += c.deducted;
      stats.findings += c.deductions;
      if (c.deductions > 0) stats.files++;
    }
  }

  private agencyOf(name: string) {
    let a = this.agencies.get(name);
    if (!a) {
      a = { rows: 0, scoreSum: 0, grades: new Map(), vetoFiles: 0, findings: 0, rules: new Map() };
      this.agencies.set(name, a);
    }
    return a;
  }

  results(versions: EvaluationResults['versions'], parameters: EvaluationResults['parameters'], meta: EvaluationResults['meta']): EvaluationResults {
    this.rows.sort(compareRows);
    this.rows.forEach((r, n) => (r.rank = n + 1));
    this.failed.sort((a, b) => cmp(a.file, b.file));
    this.unfinished.sort((a, b) => cmp(a.file, b.file));
    const n = this.rows.length;
    const scores = this.rows.map((r) => r.total).sort((a, b) => a - b);
    const median = n === 0 ? 0 : n % 2 ? scores[(n - 1) / 2] : (scores[n / 2 - 1] + scores[n / 2]) / 2;
    const gradeNames = [...this.sheet.grades.map((g) => g.name)];
    if (!gradeNames.includes(this.sheet.vetoGrade)) gradeNames.push(this.sheet.vetoGrade);
    const gradeCount = new Map<string, number>();
    for (const r of this.rows) gradeCount.set(r.grade, (gradeCount.get(r.grade) ?? 0) + 1);
    for (const g of [...gradeCount.keys()].sort(cmp)) if (!gradeNames.includes(g)) gradeNames.push(g);
    const byRule = [...this.rules.values()]
      .map(({ lastFile: _lastFile, ...r }) => r)
      .sort((a, b) => b.files - a.files || b.findings - a.findings || cmp(a.ruleId, b.ruleId));
    const byAgency: AgencyStats[] = [...this.agencies.entries()]
      .sort(([a], [b]) => cmp(a, b))
      .map(([agency, a]) => ({
        agency,
        files: a.rows,
        averageScore: round2(a.scoreSum / a.rows),
        grades: Object.fromEntries(gradeNames.map((g) => [g, a.grades.get(g) ?? 0])),
        vetoFiles: a.vetoFiles,
        findings: a.findings,
        topRules: [...a.rules.entries()]
          .sort(([ia, ra], [ib, rb]) => rb.files - ra.files || cmp(ia, ib))
          .slice(0, 3)
          .map(([ruleId, r]) => ({ ruleId, title: r.title, files: r.files })),
      }));
    return {
      format: EVALUATION_FORMAT,
      versions,
      parameters,
      categories: this.sheet.categories.map((c) => ({ id: c.id, name: c.name, max: c.max })),
      totals: {
        files: n + this.failed.length + this.unfinished.length,
        evaluated: n,
        failed: this.failed.length,
        unfinished: this.unfinished.length,
        unfinishedReason: UNFINISHED_REASON,
        averageScore: n ? round2(this.rows.reduce((s, r) => s + r.total, 0) / n) : 0,
        medianScore: round2(median),
        vetoFiles: this.rows.filter((r) => r.vetoCount > 0).length,
        findings: SEVERITIES.reduce((s, k) => s + this.severities[k], 0),
      },
      ranking: this.rows.map(({ findingsAt: _at, ...row }) => row),
      failed: this.failed,
      unfinished: this.unfinished,
      aggregates: {
        grades: gradeNames.map((grade) => ({ grade, count: gradeCount.get(grade) ?? 0 })),
        bySeverity: { ...this.severities },
        byRule,
        byCategory: this.sheet.categories.map((c) => {
          const s = this.categories.get(c.id)!;
          return {
            id: c.id,
            name: c.name,
            max: c.max,
            averageScore: n ? round2(s.scoreSum / n) : 0,
            deductedPoints: round2(s.deductedPoints),
            findings: s.findings,
            files: s.files,
          };
        }),
        byAgency,
        ...(this.sheet.model === 'xize-2024'
          ? {
              official: {
                majorIssues: this.sheet.legality.items.map((i) => ({ no: i.no, name: i.name, files: this.majorIssueFiles.get(i.no) ?? 0 })),
                byCaseType: [...this.caseTypes.entries()]
                  .sort(([a], [b]) => cmp(a, b))
                  .map(([caseType, c]) => ({ caseType, files: c.files, averageScore: round2(c.scoreSum / c.files) })),
                averageFormDeducted: n ? round2(this.formDeductedSum / n) : 0,
                filesWithManualItems: this.filesWithManual,
                gradeOverlay: this.sheet.gradeOverlay,
              },
            }
          : {}),
      },
      meta,
    };
  }
}

/** Appends NDJSON, honouring back-pressure; remembers byte offsets. */
class FindingsSpool {
  private readonly stream: WriteStream;
  private offset = 0;
  constructor(readonly path: string) {
    this.stream = createWriteStream(path);
  }
  async append(lines: FindingLine[]): Promise<{ offset: number; length: number }> {
    const at = this.offset;
    if (lines.length === 0) return { offset: at, length: 0 };
    const chunk = lines.map((l) => JSON.stringify(l)).join('\n') + '\n';
    const length = Buffer.byteLength(chunk);
    this.offset += length;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
    return { offset: at, length };
  }
  async close(): Promise<void> {
    if (this.stream.writableFinished) return;
    this.stream.end();
    await once(this.stream, 'finish');
  }
  /** after a failure: release the file handle without waiting */
  abort(): void {
    if (!this.stream.destroyed) this.stream.destroy();
  }
}

export interface EvaluationRun {
  results: EvaluationResults;
  outDir: string;
  files: Record<(typeof OUTPUT_FILES)[number], string>;
}

/** Run the whole evaluation and write the four outputs. */
export async function runEvaluation(options: EvaluationOptions): Promise<EvaluationRun> {
  const started = Date.now();
  const input = typeof options.input === 'string' ? await openEvaluationInput(options.input) : options.input;
  const asOf = options.asOf ?? todayInShanghai();
  const ctx = createAssessContext(options.sheetId, asOf);
  const sheet: ScoringSheet = ctx.sheet;
  await mkdir(options.outDir, { recursive: true });
  const spoolPath = join(options.outDir, `.findings-${process.pid}-${started}.ndjson`);
  const spool = new FindingsSpool(spoolPath);
  const agg = new Aggregator(sheet);
  let rulePackVersion = ctx.pack.version;
  let holidayDataVersion = ctx.calendar.dataVersion();
  let done = 0;
  const workers = options.workers ?? defaultWorkerCount(input.total);

  try {
    for await (const outcome of assessAll(input.items, ctx, workers, options.sheetId)) {
      done++;
      if (outcome.status === 'failed') agg.addFailed(outcome.file, outcome.issues);
      else if (outcome.status === 'unfinished') agg.unfinished.push(outcome.row);
      else {
        rulePackVersion = outcome.rulePackVersion;
        holidayDataVersion = outcome.holidayDataVersion;
        const findingsAt = await spool.append(outcome.lines);
        agg.addEvaluated({ rank: 0, ...outcome.row, findingsAt }, outcome.lines, outcome.categories);
      }
      options.onProgress?.({ done, total: Math.max(input.total, done), failed: agg.failed.length, file: outcome.file });
    }
    await spool.close();

    const results = agg.results(
      {
        rulePack: rulePackVersion,
        scoringSheet: { id: sheet.id, version: sheet.version, name: sheet.name, status: sheet.status, model: sheet.model },
        holidayData: holidayDataVersion,
      },
      { mode: 'review', asOf, sheetId: sheet.id },
      {
        generatedAt: new Date().toISOString(),
        durationMs: 0,
        input: options.inputLabel ?? (typeof options.input === 'string' ? basename(options.input) : 'stored-cases'),
      },
    );
    const files = Object.fromEntries(OUTPUT_FILES.map((f) => [f, join(options.outDir, f)])) as EvaluationRun['files'];
    const timings: Record<string, number> = { assessMs: Date.now() - started };
    const timed = async (key: string, write: () => Promise<void>) => {
      const t = Date.now();
      await write();
      timings[key] = Date.now() - t;
    };
    await timed('csvMs', () => writeSummaryCsv(files['summary.csv'], results));
    await timed('xlsxMs', () => writeSummaryXlsx(files['summary.xlsx'], results, agg.rows, spoolPath));
    await timed('pdfMs', () => writeSummaryPdf(files['summary.pdf'], results));
    results.meta.durationMs = Date.now() - started;
    results.meta.timings = timings;
    results.meta.workers = workers;
    await writeFile(files['results.json'], JSON.stringify(results, null, 2) + '\n');
    return { results, outDir: options.outDir, files };
  } finally {
    spool.abort();
    await rm(spoolPath, { force: true });
  }
}

/** Results without run metadata: what must be identical between two runs on the same input. */
export function resultNumbers(results: EvaluationResults): Omit<EvaluationResults, 'meta'> {
  const { meta: _meta, ...rest } = results;
  return rest;
}
