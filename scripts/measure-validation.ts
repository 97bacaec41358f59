/**
 * How long does validation take? `node scripts/run-ts.cjs scripts/measure-validation.ts [file.json] [documents]`
 * Grows the case file to N documents (default 60) by cloning its documents with fresh ids, then times
 * parseCaseFileJson and validateCaseFile (median of many runs after warm-up).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseCaseFileJson, validateCaseFile } from '../src/core/case-file/validate';
import type { CaseFile, CaseDocument } from '../src/core/case-file/types';

export function growCaseFile(base: CaseFile, documents: number): CaseFile {
  const cf = structuredClone(base);
  const templates = base.documents;
  let page = Math.max(0, ...cf.fileIndex.map((f) => f.pages.to));
  for (let i = 0; cf.documents.length < documents; i++) {
    const t = templates[i % templates.length];
    const id = `${t.id}-copy${i}`;
    const copy: CaseDocument = { ...structuredClone(t), id, pages: { from: page + 1, to: page + 2 } };
    if (copy.relatesToDocumentId === copy.id) delete copy.relatesToDocumentId;
    cf.documents.push(copy);
    cf.fileIndex.push({ order: cf.fileIndex.length + 1, title: t.title ?? t.type, refId: id, pages: { from: page + 1, to: page + 2 } });
    page += 2;
  }
  return cf;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => void, runs: number): number {
  for (let i = 0; i < Math.min(200, runs); i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

/** Best (lowest) mean over several batches: robust against a busy machine. */
function bestBatchMean(fn: () => void, perBatch: number, batches = 7): number {
  for (let i = 0; i < perBatch; i++) fn();
  let best = Infinity;
  for (let b = 0; b < batches; b++) {
    const t0 = performance.now();
    for (let i = 0; i < perBatch; i++) fn();
    best = Math.min(best, (performance.now() - t0) / perBatch);
  }
  return best;
}

function main(): void {
  const file = process.argv[2] ?? join(__dirname, '..', 'docs', 'examples', 'full-case.json');
  const n = Number(process.argv[3] ?? 60);
  const base = JSON.parse(readFileSync(file, 'utf8')) as CaseFile;
  const cf = growCaseFile(base, n);
  const text = JSON.stringify(cf);
  const check = validateCaseFile(cf);
  if (!check.ok) throw new Error('grown file does not validate: ' + JSON.stringify(check.errors.slice(0, 5)));
  const runs = 2000;
  const parseOnly = time(() => JSON.parse(text), runs);
  const validate = time(() => validateCaseFile(JSON.parse(text)), runs);
  const parseValidate = time(() => parseCaseFileJson(text), runs);
  const reference = time(() => validateCaseFile(JSON.parse(text), { engine: 'class-validator' }), Math.min(runs, 300));
  const parsed = Array.from({ length: 50 }, () => JSON.parse(text));
  let k = 0;
  const validateOnly = bestBatchMean(() => validateCaseFile(parsed[k++ % parsed.length]), 1000);
  const referenceOnly = bestBatchMean(() => validateCaseFile(parsed[k++ % parsed.length], { engine: 'class-validator' }), 50, 5);
  console.log(`file: ${file} grown to ${cf.documents.length} documents, ${(text.length / 1024).toFixed(1)} KB JSON`);
  console.log(`JSON.parse only:            ${(parseOnly * 1000).toFixed(0)} µs (median of ${runs})`);
  console.log(`JSON.parse + validate:      ${(validate * 1000).toFixed(0)} µs`);
  console.log(`parseCaseFileJson:          ${(parseValidate * 1000).toFixed(0)} µs`);
  console.log(`  → validation alone:        ${((parseValidate - parseOnly) * 1000).toFixed(0)} µs`);
  console.log(`JSON.parse + class-validator reference executor: ${(reference * 1000).toFixed(0)} µs`);
  console.log(`validateCaseFile on a parsed object (best batch mean): ${(validateOnly * 1000).toFixed(0)} µs`);
  console.log(`  same, class-validator reference executor:            ${(referenceOnly * 1000).toFixed(0)} µs`);
}

if (require.main === module) main();
