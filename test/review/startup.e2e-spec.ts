/** A malformed rule pack stops the application from starting, naming the file, the rule and the reason. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp } from '../support/create-test-app';

describe('start-up with a malformed rule pack', () => {
  const saved = process.env.RULES_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.RULES_DIR;
    else process.env.RULES_DIR = saved;
  });

  it('fails with RulePackError', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'rules-')), 'rules');
    cpSync(join(__dirname, '..', '..', 'rules'), dir, { recursive: true });
    const file = join(dir, 'pack', 'sequence.yaml');
    // an 【I】 rule marked veto
    writeFileSync(file, readFileSync(file, 'utf8').replace(/(- id: SEQ-11\n(?:.*\n)*?    severity: )warning/, '$1veto\n    veto: V7'));
    process.env.RULES_DIR = dir;
    await expect(createTestApp()).rejects.toMatchObject({ name: 'RulePackError', ruleId: 'SEQ-11', reason: expect.stringContaining('不得为否决项') });
  });
});
