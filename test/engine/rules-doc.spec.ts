/** docs/rules.md is generated from the pack and must be current. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultRulePack } from '../../src/core/engine';
import { renderRulesMarkdown, RULES_DOC_PATH } from '../../src/core/engine/rules-doc';

describe('docs/rules.md', () => {
  it('matches the rule pack (regenerate: node scripts/run-ts.cjs src/core/engine/rules-doc.ts)', () => {
    const current = readFileSync(join(__dirname, '..', '..', RULES_DOC_PATH), 'utf8');
    expect(current).toBe(renderRulesMarkdown(defaultRulePack()));
  });

  it('has an anchor for every rule (the rules docs links point there)', () => {
    const doc = renderRulesMarkdown(defaultRulePack());
    for (const r of defaultRulePack().rules) {
      expect(r.docs).toBe(`docs/rules.md#${r.id.toLowerCase()}`);
      expect(doc).toContain(`<a id="${r.id.toLowerCase()}"></a>`);
    }
  });
});
