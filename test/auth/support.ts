import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const MINIMAL = readFileSync(join(root, 'test', 'fixtures', 'minimal-case.json'), 'utf8');

/** The minimal valid case file, with its agency and case number set. */
export function caseFile(agency: string, caseNumber: string, change?: (cf: any) => void): any {
  const cf = JSON.parse(MINIMAL);
  cf.case.agency = agency;
  cf.case.caseNumber = caseNumber;
  change?.(cf);
  return cf;
}
