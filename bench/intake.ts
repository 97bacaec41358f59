/**
 * Intake bench: import of large 卷内目录 workbooks. Goal: a 1,000-row workbook imports in under a second.
 *
 *   node scripts/run-ts.cjs bench/intake.ts                  # 1,000 rows, 7 rounds
 *   node scripts/run-ts.cjs bench/intake.ts --rows 2000 --rounds 5
 *
 * Two workbooks of `rows` document rows:
 *  - the template workbook, as `casefile export` writes it (a sample's documents repeated, every column filled as
 *    in the sample, plus their 签名人 / 载明期限 rows), imported and validated;
 *  - a bureau's own 卷内目录 (序号/题名/文号/责任者/日期/页号), imported as an index-only case.
 * Prints the workbook size and import time percentiles (p50 / p90 / max), and the ratio to `JSON.parse` +
 * `validateCaseFile` of the same case file (the floor any import pays).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseFile } from '../src/core/case-file/types';
import { validateCaseFile } from '../src/core/case-file/validate';
import { caseFileWorkbook, importWorkbook } from '../src/core/intake';
import { projectRoot } from '../src/core/paths';
import { bureauIndexWorkbook, headerOf } from '../test/intake/support/bureau-index';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length - 1) * p))];

/** A case with `rows` documents: the sample's documents repeated with fresh ids, pages running on. */
function largeCase(sample: CaseFile, rows: number): CaseFile {
  const out: CaseFile = { ...structuredClone(sample), documents: [], fileIndex: [] };
  let page = 1;
  for (let i = 0; out.documents.length < rows; i++) {
    const src = sample.documents[i % sample.documents.length];
    const doc = structuredClone(src);
    doc.id = `${src.id}-${i}`;
    if (doc.relatesToDocumentId) delete doc.relatesToDocumentId;
    if (doc.service) {
      delete doc.service.receiptDocumentId;
      delete doc.service.consentDocumentId;
    }
    const length = doc.pages ? doc.pages.to - doc.pages.from + 1 : 1;
    doc.pages = { from: page, to: page + length - 1 };
    out.fileIndex.push({ order: out.fileIndex.length + 1, title: doc.title ?? doc.type, refId: doc.id, pages: doc.pages });
    page += length;
    out.documents.push(doc);
  }
  out.educationRecords = out.educationRecords.map((r) => {
    const { pages: _p, ...rest } = r;
    return rest;
  });
  if (out.agents) out.agents = out.agents.map(({ authorizationDocumentId: _a, ...a }) => a);
  return out;
}

async function time(label: string, buffer: Buffer, rounds: number, floorMs: number, run: () => Promise<unknown>): Promise<void> {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t = process.hrtime.bigint();
    await run();
    times.push(ms(t));
  }
  const p50 = pct(times, 0.5);
  console.log(
    `${label.padEnd(28)} ${(buffer.length / 1024).toFixed(0).padStart(6)} KB   p50 ${p50.toFixed(0).padStart(5)} ms   p90 ${pct(times, 0.9).toFixed(0).padStart(5)} ms   max ${Math.max(...times).toFixed(0).padStart(5)} ms   ratio to floor ${(p50 / floorMs).toFixed(1)}×   ${p50 < 1000 ? 'OK (< 1 s)' : 'SLOW (goal < 1 s)'}`,
  );
}

async function main() {
  const rows = arg('rows', 1000);
  const rounds = arg('rounds', 7);
  const sample = JSON.parse(readFileSync(join(projectRoot(), 'fixtures', 'cases', '02-hearing-case.json'), 'utf8')) as CaseFile;
  const big = largeCase(sample, rows);
  const check = validateCaseFile(big);
  if (!check.ok) throw new Error('synthetic case invalid: ' + JSON.stringify(check.errors.slice(0, 3)));
  const json = JSON.stringify(big);
  const floorTimes: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t = process.hrtime.bigint();
    validateCaseFile(JSON.parse(json));
    floorTimes.push(ms(t));
  }
  const floor = pct(floorTimes, 0.5);
  console.log(`${rows} document rows; floor (JSON.parse + validateCaseFile) p50 ${floor.toFixed(1)} ms`);

  const template = await caseFileWorkbook(big);
  const first = await importWorkbook(template);
  if (!first.ok || first.caseFile!.documents.length !== rows) throw new Error('template import failed: ' + JSON.stringify(first.issues.slice(0, 3)));
  await time('template workbook import', template, rounds, floor, () => importWorkbook(template));

  const bureau = await bureauIndexWorkbook(big);
  const header = headerOf(big);
  const second = await importWorkbook(bureau, { base: header });
  if (second.caseFile!.documents.length !== rows) throw new Error('bureau import lost rows');
  await time('bureau 卷内目录 import', bureau, rounds, floor, () => importWorkbook(bureau, { base: header }));

  const t = process.hrtime.bigint();
  await caseFileWorkbook(big);
  console.log(`export of the same case: ${ms(t).toFixed(0)} ms`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
