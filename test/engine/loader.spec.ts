/** Rule-pack loading: the shipped pack is valid; a malformed pack fails with file, rule id and reason. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { defaultRulePack, loadRulePack, RulePackError } from '../../src/core/engine';

const PACK_DIR = join(__dirname, '..', '..', 'rules', 'pack');

/** a copy of the pack (next to a copy of document-types.yaml) with one rule edited */
function packWith(edit: (rules: any[]) => void, file = 'deadlines.yaml'): string {
  const root = mkdtempSync(join(tmpdir(), 'pack-'));
  const dir = join(root, 'pack');
  cpSync(PACK_DIR, dir, { recursive: true });
  cpSync(join(PACK_DIR, '..', 'document-types.yaml'), join(root, 'document-types.yaml'));
  const doc = parse(readFileSync(join(dir, file), 'utf8'));
  edit(doc.rules);
  writeFileSync(join(dir, file), stringify(doc));
  return dir;
}

function loadError(dir: string): RulePackError {
  try {
    loadRulePack(dir);
  } catch (e) {
    return e as RulePackError;
  }
  throw new Error('pack loaded');
}

describe('loadRulePack', () => {
  it('loads the shipped pack with name, version and unique ids', () => {
    const pack = defaultRulePack();
    expect(pack.version).toMatch(/^\d{4}\.\d+\.\d+$/);
    expect(pack.rules.length).toBe(pack.byId.size);
    expect(pack.rules.length).toBeGreaterThanOrEqual(40);
  });

  it('a copy of the shipped pack loads the same rules', () => {
    const pack = loadRulePack(packWith(() => undefined));
    expect(pack.rules.map((r) => r.id)).toEqual(defaultRulePack().rules.map((r) => r.id));
  });

  it('rejects a veto severity on an 【S】 rule (the loader enforces 依据待核 rules are never veto)', () => {
    const e = loadError(packWith((rules) => Object.assign(rules.find((r) => r.id === 'DL-01a'), { severity: 'veto', veto: 'V9' })));
    expect(e).toBeInstanceOf(RulePackError);
    expect(e.file).toMatch(/deadlines\.yaml$/);
    expect(e.ruleId).toBe('DL-01a');
    expect(e.reason).toContain('不得为否决项');
  });

  it('rejects a veto tag on a non-veto rule; a veto rule needs no tag (each scoring sheet maps veto rules itself)', () => {
    expect(loadError(packWith((rules) => Object.assign(rules.find((r) => r.id === 'DL-08'), { veto: 'V5' }))).reason).toContain('severity 须为 veto');
    const pack = loadRulePack(packWith((rules) => delete rules.find((r) => r.id === 'DL-03').veto));
    expect(pack.byId.get('DL-03')?.veto).toBeUndefined();
  });

  it('names the rule and the field of a schema error', () => {
    const e = loadError(packWith((rules) => (rules.find((r) => r.id === 'DL-08').check.unit = 'fortnight')));
    expect(e.ruleId).toBe('DL-08');
    expect(e.reason).toContain('/check/unit');
    expect(e.message).toContain('deadlines.yaml');
  });

  it('rejects unknown facts, document types, placeholders and custom checks', () => {
    expect(loadError(packWith((rules) => (rules.find((r) => r.id === 'DL-08').check.to = 'decisionDeliveredOn'))).reason).toContain('未知事实');
    expect(loadError(packWith((rules) => (rules.find((r) => r.id === 'DL-32').check.types = ['simple_filing']))).reason).toContain('未知文书类型');
    expect(loadError(packWith((rules) => (rules.find((r) => r.id === 'DL-08').message = '送达日 {servedDay}'))).reason).toContain('{servedDay}');
    expect(loadError(packWith((rules) => (rules.find((r) => r.id === 'DL-01a').check.name = 'no_such_check'))).reason).toContain('未注册');
  });

  it('rejects duplicate ids', () => {
    const e = loadError(packWith((rules) => rules.push({ ...rules[0] })));
    expect(e.ruleId).toBe(defaultRulePack().rules[0].id);
    expect(e.reason).toContain('重复');
  });

  it('reports YAML syntax errors with the file', () => {
    const dir = packWith(() => undefined);
    writeFileSync(join(dir, 'deadlines.yaml'), 'family: deadlines\nrules: [\n  - id: x\n');
    const e = loadError(dir);
    expect(e.file).toContain('deadlines.yaml');
    expect(e.reason).toContain('YAML');
  });

  it('the parsed-YAML cache is keyed by content: an edited file is parsed again', () => {
    const saved = process.env.RULE_PACK_CACHE_DIR;
    process.env.RULE_PACK_CACHE_DIR = mkdtempSync(join(tmpdir(), 'pack-cache-'));
    try {
      const dir = packWith(() => undefined);
      const a = loadRulePack(dir);
      const b = loadRulePack(dir); // from the cache
      expect(b.rules).toEqual(a.rules);
      const file = join(dir, 'deadlines.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('title: 自立案之日起九十日内作出行政处罚决定', 'title: 九十日办案期限'));
      expect(loadRulePack(dir).byId.get('DL-01')!.title).toBe('九十日办案期限');
    } finally {
      if (saved === undefined) delete process.env.RULE_PACK_CACHE_DIR;
      else process.env.RULE_PACK_CACHE_DIR = saved;
    }
  });

  it('every 【S】/【I】 rule is non-veto and basisPending; veto rules are 【Q】 with a V-item', () => {
    for (const r of defaultRulePack().rules) {
      if (r.confidence !== 'Q') {
        expect(r.severity).not.toBe('veto');
        expect(r.basisPending).toBe(true);
      }
      if (r.severity === 'veto') expect([r.confidence, r.veto]).toEqual(['Q', expect.stringMatching(/^V\d+$/)]);
    }
  });

  describe('former versions and dated parameters', () => {
    it('a former version whose 依据 does not cite the article its parameter value rests on is refused', () => {
      const e = loadError(packWith((rules) => (rules.find((r) => r.id === 'DL-02').formerVersions[0].basis = [{ law: '中华人民共和国行政处罚法', article: '第60条' }])));
      expect(e.ruleId).toBe('DL-02（原 DL-02-2010）');
      expect(e.reason).toContain('环境行政处罚办法（2010，已废止）第22条');
    });

    it('an unknown parameter is refused', () => {
      const e = loadError(packWith((rules) => (rules.find((r) => r.id === 'DL-01').check.parameter = 'no_such_period')));
      expect([e.ruleId, e.reason]).toEqual(['DL-01', '法定数值 no_such_period 不在 rules/parameters 中']);
    });

    it('overlapping version ranges are refused', () => {
      const e = loadError(packWith((rules) => (rules.find((r) => r.id === 'DL-01').formerVersions[0].effective.before = '2023-08-01')));
      expect(e.reason).toBe('DL-01 与 DL-33 的适用期间重叠');
    });

    it('a former id may not be reused as a rule id', () => {
      const e = loadError(packWith((rules) => (rules.find((r) => r.id === 'DL-03').id = 'DL-33')));
      expect(e.reason).toContain('规则编号 DL-33 重复');
    });

    it('a merged version check is schema-checked (a field set to null is removed, a bad value is named)', () => {
      const e = loadError(packWith((rules) => (rules.find((r) => r.id === 'DL-01').formerVersions[0].check.roll = 'sometimes')));
      expect(e.ruleId).toBe('DL-01（原 DL-33）');
      expect(e.reason).toContain('roll');
      const dl02 = defaultRulePack().byId.get('DL-02')!;
      expect(dl02.versions![0].check).not.toHaveProperty('extensions');
      expect(dl02.check).toHaveProperty('extensions');
    });
  });
});
