/**
 * Regenerate the artefacts derived from the case-file DTOs:
 *   - docs/case-file.schema.json   (JSON Schema, draft-07)
 *   - the field reference inside docs/case-file-format.md (between its markers)
 *   - rules/schema/rule.schema.json (the rule files' schema, from the check registry)
 *
 *   node scripts/run-ts.cjs scripts/generate-schema.ts           # write
 *   node scripts/run-ts.cjs scripts/generate-schema.ts --check   # exit 1 if anything is out of date
 *
 * test/case-file/schema.spec.ts fails when the committed files differ from what this would write.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCaseFileJsonSchema } from '../src/core/case-file/json-schema';
import { replaceFieldReference } from '../src/core/case-file/format-reference';
import { buildRuleSchema } from '../src/core/engine/pack/rule-schema';

export const SCHEMA_FILE = join(__dirname, '..', 'docs', 'case-file.schema.json');
export const FORMAT_DOC_FILE = join(__dirname, '..', 'docs', 'case-file-format.md');
export const RULE_SCHEMA_FILE = join(__dirname, '..', 'rules', 'schema', 'rule.schema.json');

export function renderSchemaFile(): string {
  return JSON.stringify(buildCaseFileJsonSchema(), null, 2) + '\n';
}

/** rules/schema/rule.schema.json: the rule files' schema, from the check registry (src/core/engine/pack/rule-schema.ts) */
export function renderRuleSchemaFile(): string {
  return JSON.stringify(buildRuleSchema(), null, 2) + '\n';
}

export function renderFormatDoc(current: string): string {
  return replaceFieldReference(current);
}

function main(): void {
  const check = process.argv.includes('--check');
  const outputs: Array<[string, string]> = [
    [SCHEMA_FILE, renderSchemaFile()],
    [FORMAT_DOC_FILE, renderFormatDoc(readFileSync(FORMAT_DOC_FILE, 'utf8'))],
    [RULE_SCHEMA_FILE, renderRuleSchemaFile()],
  ];
  let stale = 0;
  for (const [file, content] of outputs) {
    let current = '';
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      // missing: written below
    }
    if (current === content) {
      console.log(`up to date: ${file}`);
    } else if (check) {
      console.error(`OUT OF DATE: ${file}`);
      stale++;
    } else {
      writeFileSync(file, content);
      console.log(`written:    ${file}`);
    }
  }
  if (stale) process.exit(1);
}

if (require.main === module) main();
