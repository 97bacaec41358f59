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
    const c = structuredClone(samples[i % samples.length]);
    const agency = AGENCIES[i % AGENCIES.length];
    c.case.agency = agency;
    const year = /〔(\d{4})〕/.exec(c.case.caseNumber)?.[1] ?? '2025';
    c.case.caseNumber = `${PREFIX[agency]}〔${year}〕${100 + i}号`;
    out.push(c);
  }
  return out;
}
