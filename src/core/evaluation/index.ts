/**
 * 年度案卷评查 (annual evaluation) — public entry point. Pure TypeScript: no Nest, no TypeORM.
 *
 *   const run = await runEvaluation({ input: 'cases/', outDir: 'out/' });   // folder or zip
 *   run.results.ranking, run.files['summary.xlsx'] …
 */
export * from './types';
export { runEvaluation, resultNumbers, compareRows, OUTPUT_FILES } from './evaluate';
export { assessItem, formatBasis, sortFindings, SEVERITIES, SEVERITY_LABELS } from './assess';
export type { FileOutcome, FindingLine } from './assess';
export type { EvaluationOptions, EvaluationRun } from './evaluate';
export { openEvaluationInput, inputFromItems, EvaluationInputError, MAX_CASE_FILE_BYTES } from './input';
export type { EvaluationInput, EvaluationItem } from './input';
export { renderSummaryPdf, PDF_RANKING_LIMIT } from './pdf';
