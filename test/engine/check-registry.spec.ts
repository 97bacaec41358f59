/**
 * Check kinds own their metadata in one registry (src/core/engine/checks/index.ts): every kind and every named
 * check says what its messages may use, what it reads and what its doc line is; custom parameters are validated
 * against the check's schema when the pack loads; the service checks read the catalog's servable types; and no
 * check carries a hand-written list of document types.
 */
import { renderRuleSchemaFile } from '../../scripts/generate-schema';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { loadDocumentTypes } from '../../src/core/domain/document-types';
import { defaultRulePack, loadRulePack, RulePackError } from '../../src/core/engine';
import { CHECKS, checkOf } from '../../src/core/engine/checks';
import { CUSTOM_CHECKS } from '../../src/core/engine/checks/custom/registry';
import { projectRoot } from '../../src/core/paths';

const ROOT = projectRoot();
const pack = defaultRulePack();

function packWith(file: string, edit: (rules: any[]) => void): string {
  const root = mkdtempSync(join(tmpdir(), 'registry-pack-'));
  cpSync(join(ROOT, 'rules', 'pack'), join(root, 'pack'), { recursive: true });
  cpSync(join(ROOT, 'rules', 'document-types.yaml'), join(root, 'document-types.yaml'));
  const path = join(root, 'pack', file);
  const doc = parse(readFileSync(path, 'utf8'));
  edit(doc.rules);
  writeFileSync(path, stringify(doc));
  return join(root, 'pack');
}

function loadReason(dir: string): string {
  try {
    loadRulePack(dir);
  } catch (e) {
    expect(e).toBeInstanceOf(RulePackError);
    return `${(e as RulePackError).ruleId}: ${(e as RulePackError).reason}`;
  }
  throw new Error('pack loaded');
}

describe('the check registry', () => {
  it('every rule of the pack resolves to a kind with a doc line, data keys and what it reads', () => {
    for (const r of pack.rules) {
      const meta = checkOf(r.check);
      expect(meta.doc).toMatch(/\S/);
      expect(meta.problems).toEqual([]);
      expect(Array.isArray(meta.dataKeys)).toBe(true);
    }
  });

  it('the rule schema knows exactly the registered kinds (rules/schema/rule.schema.json cannot drift from the code)', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'rules', 'schema', 'rule.schema.json'), 'utf8'));
    expect(Object.keys(schema.definitions.check.discriminator.mapping).sort()).toEqual(Object.keys(CHECKS).sort());
  });

  it('rules/schema/rule.schema.json is generated from the registry (regenerate: npm run schema:generate)', () => {
    expect(readFileSync(join(ROOT, 'rules', 'schema', 'rule.schema.json'), 'utf8')).toBe(renderRuleSchemaFile());
  });

  it('every named check declares a parameter schema and is used by a rule', () => {
    const used = new Set(pack.rules.flatMap((r) => (r.check.kind === 'custom' ? [r.check.name] : [])));
    for (const c of CUSTOM_CHECKS.values()) {
      expect(c.params).toMatchObject({ type: 'object' });
      expect(c.description).toMatch(/\S/);
      expect(used.has(c.name)).toBe(true);
    }
    expect(Object.keys(CHECKS)).not.toContain('amount');
    expect(Object.keys(CHECKS)).not.toContain('service');
  });

  it.each([
    ['a wrong type', { baseDays: '90', maxDays: 30 }, 'params/baseDays'],
    ['a missing parameter', { baseDays: 90 }, '缺少必填项 maxDays'],
    ['an unknown parameter', { baseDays: 90, maxDays: 30, extra: 1 }, '未知字段 extra'],
  ])('a custom parameter with %s fails the load, naming the rule', (_label, params, reason) => {
    const dir = packWith('deadlines.yaml', (rules) => {
      rules.find((r) => r.check?.name === 'case_handling_extensions').check.params = params;
    });
    expect(loadReason(dir)).toContain(reason);
  });

  it('a parameter-less check refuses parameters', () => {
    const dir = packWith('consistency.yaml', (rules) => {
      rules.find((r) => r.check?.name === 'paid_covers_fine').check.params = { limit: 1 };
    });
    expect(loadReason(dir)).toContain('未知字段 limit');
  });

  it('the service rules check every servable type of the catalog less their `except`, and `except` names known types', () => {
    const types = loadDocumentTypes();
    const service = pack.rules.filter((r) => r.check.kind === 'custom' && /service/.test(r.check.name));
    expect(service.length).toBeGreaterThanOrEqual(4);
    for (const r of service) {
      const except = ((r.check as { params?: { except?: string[] } }).params?.except ?? []) as string[];
      for (const t of except) expect(types.get(t)?.servable).toBe(true);
    }
    const dir = packWith('sequence.yaml', (rules) => {
      rules.find((r) => r.check?.name === 'service_record').check.params.except.push('no_such_type');
    });
    expect(loadReason(dir)).toContain('未知文书类型 no_such_type');
  });

  it('the sentences of the problems a check reports are the rule\'s `problems` (a missing or unknown one fails the load)', () => {
    const seq16 = pack.byId.get('SEQ-16')!;
    expect(checkOf(seq16.check).problemIds).toEqual(Object.keys(seq16.problems ?? {}));
    const missing = packWith('sequence.yaml', (rules) => delete rules.find((r) => r.id === 'SEQ-16').problems.noReceipt);
    expect(loadReason(missing)).toContain('problems 缺少检查会报告的问题 noReceipt');
    const unknown = packWith('sequence.yaml', (rules) => (rules.find((r) => r.id === 'SEQ-16-2').problems.late = '送达过迟了'));
    expect(loadReason(unknown)).toContain('problems.late 不是该检查会报告的问题');
    const placeholder = packWith('sequence.yaml', (rules) => (rules.find((r) => r.id === 'SEQ-17').problems.noConsent = '无确认书（{nope}）'));
    expect(loadReason(placeholder)).toContain('{nope}');
  });

  it('no check or fact carries a hand-written list of document types (groups live in rules/document-types.yaml)', () => {
    const ids = new Set(loadDocumentTypes().all().map((t) => t.id));
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts')) {
          for (const m of readFileSync(p, 'utf8').matchAll(/\[((?:\s*'[a-z_]+'\s*,?)+)\]/g)) {
            const items = [...m[1].matchAll(/'([a-z_]+)'/g)].map((x) => x[1]);
            if (items.length >= 3 && items.every((x) => ids.has(x))) offenders.push(`${p.slice(ROOT.length + 1)}: ${m[0]}`);
          }
        }
      }
    };
    walk(join(ROOT, 'src', 'core', 'engine'));
    expect(offenders).toEqual([]);
  });
});
