/**
 * docs/case-file.schema.json and the field reference in docs/case-file-format.md are generated from the DTO
 * metadata; these tests fail when the committed files drift from the DTOs
 * (fix: `node scripts/run-ts.cjs scripts/generate-schema.ts`), and check the schema against real files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FORMAT_DOC_FILE, renderFormatDoc, renderSchemaFile, SCHEMA_FILE } from '../../scripts/generate-schema';
import { validateCaseFile } from '../../src/core/case-file/validate';
import { schemaErrors } from '../support/mini-json-schema';

const root = join(__dirname, '..', '..');
const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
const EXAMPLE = join(root, 'docs', 'examples', 'full-case.json');
const fixtureFiles = (() => {
  const dir = join(root, 'fixtures', 'cases');
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => join(dir, f));
  } catch {
    return [];
  }
})();
const ALL = [join(root, 'test', 'fixtures', 'minimal-case.json'), EXAMPLE, ...fixtureFiles];
const load = (f: string) => JSON.parse(readFileSync(f, 'utf8'));

describe('generated artefacts are up to date', () => {
  it('docs/case-file.schema.json equals what scripts/generate-schema.ts generates', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(renderSchemaFile());
  });

  it('the field reference in docs/case-file-format.md equals what is generated', () => {
    const current = readFileSync(FORMAT_DOC_FILE, 'utf8');
    expect(current).toBe(renderFormatDoc(current));
  });
});

describe('the JSON Schema', () => {
  it.each(ALL.map((f) => [f.slice(root.length + 1)]))('accepts %s', (file) => {
    expect(schemaErrors(schema, load(join(root, file)))).toEqual([]);
  });

  it('rejects what the validator rejects structurally', () => {
    const cf = load(EXAMPLE);
    const broken = structuredClone(cf);
    broken.documents[0].servdOn = '2025-01-01';
    delete broken.case.agency;
    broken.case.procedure = 'ordinary';
    broken.documents[1].type = 'no_such_type';
    broken.documents[2].amounts = { fine: 1.234 };
    broken.documents[3].madeOn = '2025/01/01';
    expect(schemaErrors(schema, broken)).toEqual([
      '$.case.agency: required',
      '$.case.procedure: not in enum',
      '$.documents[0].servdOn: additional property',
      '$.documents[1].type: not in enum',
      '$.documents[2].amounts.fine: not a multiple of 0.01',
      expect.stringMatching(/^\$\.documents\[3\]\.madeOn: does not match/),
    ]);
    expect(validateCaseFile(broken).ok).toBe(false);
  });

  it('names every definition and gives every property a Chinese title', () => {
    for (const [name, def] of Object.entries<any>(schema.definitions)) {
      expect(def.additionalProperties).toBe(false);
      for (const [prop, s] of Object.entries<any>(def.properties)) {
        expect({ [`${name}.${prop}`]: s.title }).toEqual({ [`${name}.${prop}`]: expect.stringMatching(/[\u4e00-\u9fff]/) });
      }
    }
  });
});

describe('every fixture validates', () => {
  it('finds the fixtures', () => {
    expect(ALL.length).toBeGreaterThanOrEqual(2);
  });
  it.each(ALL.map((f) => [f.slice(root.length + 1)]))('%s', (file) => {
    const r = validateCaseFile(load(join(root, file)));
    expect(r.ok ? [] : r.errors).toEqual([]);
  });
});
