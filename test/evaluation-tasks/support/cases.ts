/**
 * A small annual evaluation: 30 closed / archived case files over 3 agencies, made from the sample files
 * (each keeps its documents, dates and defects; agency and 案号 are rewritten so that every agency has clean and
 * defective files). The officers keep the samples' names, so a reviewer named like one of them must recuse.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseFile } from '../../../src/core/case-file/types';

export const AGENCIES = ['甲市生态环境局', '乙市生态环境局', '丙市生态环境局'] as const;
const PREFIX: Record<string, string> = { 甲市生态环境局: '甲环罚', 乙市生态环境局: '乙环罚', 丙市生态环境局: '丙环罚' };

const dir = join(__dirname, '../../../fixtures/cases');
const samples: CaseFile[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as CaseFile)
  .filter((c) => c.case.status === 'closed' || c.case.status === 'archived');

export function evaluationCases(count = 30): CaseFile[] {
  const out: CaseFile[] = [];
  for (let i = 0; i < count; i++) {
    const sample = samples[i % samples.length];
    const agency = AGENCIES[i % AGENCIES.length];
    const year = /〔(\d{4})〕/.exec(sample.case.caseNumber)?.[1] ?? '2025';
    // the new 案号 and 执法机关 everywhere the file writes them (文书所写案号, 落款机关), so the copy is as consistent as its sample
    const text = JSON.stringify(sample).split(sample.case.caseNumber).join(`${PREFIX[agency]}〔${year}〕${100 + i}号`).split(sample.case.agency).join(agency);
    out.push(JSON.parse(text) as CaseFile);
  }
  return out;
}
