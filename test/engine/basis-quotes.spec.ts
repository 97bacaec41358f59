/**
 * Every quote in the pack is a verbatim passage of the domain catalog (rules-catalog.md): the pack quotes
 * only what the catalog quotes. The catalog lives outside the repository, in ../shared/domain beside the project
 * (as CI lays it out); RULES_CATALOG overrides. Where it is not there at all the check is reported as skipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultRulePack } from '../../src/core/engine';
import { projectRoot } from '../../src/core/paths';

const CATALOG = [process.env.RULES_CATALOG, join(projectRoot(), '..', 'shared', 'domain', 'rules-catalog.md'), '/work/shared/domain/rules-catalog.md']
  .filter((p): p is string => !!p)
  .find((p) => existsSync(p));
const catalog = CATALOG ? readFileSync(CATALOG, 'utf8') : undefined;
const norm = (s: string) => s.replace(/[“”"]/g, '"').replace(/[‘’']/g, "'");

(catalog ? describe : describe.skip)('basis quotes', () => {
  const text = norm(catalog ?? '');
  it.each(defaultRulePack().rules.flatMap((r) => r.basis.filter((b) => b.quote).map((b) => [r.id, b.law, b.quote!])))('%s %s', (_id, _law, quote) => {
    expect(text).toContain(norm(quote));
  });
});

describe('basis shape', () => {
  it('every rule cites a law and an article', () => {
    for (const r of defaultRulePack().rules)
      for (const b of r.basis) {
        expect(b.law.length).toBeGreaterThan(1);
        expect(b.article.trim().length).toBeGreaterThan(1);
      }
  });
});
