/**
 * Loads rules/pack: pack.yaml (name, version, family files) and each family file, validated against
 * rules/schema/rule.schema.json and then semantically (./semantics.ts). A malformed pack throws a
 * RulePackError naming the file, the rule id and the reason — the service refuses to start.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { displayPath, rulesDir } from '../../paths';
import { loadDocumentTypes, type DocumentTypeCatalog } from '../../domain/document-types';
import type { LoadedRule, RuleDefinition, RulePack } from './types';
import { SchemaValidator } from './schema-validator';
import { loadLawLibrary, resolveBasis, type LawLibrary } from '../../law/law-texts';
import { validateRuleSemantics } from './semantics';
import { defaultParameters, loadParameters, type Parameter } from '../../law/parameters';
import { mergeVersion, parameterProblems, versionProblems } from './versions';

export class RulePackError extends Error {
  constructor(
    readonly file: string,
    readonly ruleId: string | undefined,
    readonly reason: string,
  ) {
    super(`规则包加载失败 ${file}${ruleId ? ` [${ruleId}]` : ''}: ${reason}`);
    this.name = 'RulePackError';
  }
}

const validators = new Map<string, SchemaValidator>();
/** rules/schema/rule.schema.json next to the pack's rules folder (else the default rules folder's) */
function validator(packDir: string): SchemaValidator {
  const candidates = [join(dirname(packDir), 'schema', 'rule.schema.json'), join(rulesDir(), 'schema', 'rule.schema.json')];
  const path = candidates.find((p) => existsSync(p));
  if (!path) throw new RulePackError(packDir, undefined, '找不到 rules/schema/rule.schema.json');
  let v = validators.get(path);
  if (!v) validators.set(path, (v = new SchemaValidator(JSON.parse(readFileSync(path, 'utf8')))));
  return v;
}


/**
 * Parsed-YAML cache: the `yaml` parser is the slow part of loading (≈ 1 s cold for the whole pack). The parse
 * of each file is kept as JSON under RULE_PACK_CACHE_DIR (default <tmp>/casefile-rule-pack-cache), keyed by the
 * SHA-1 of the file's text, so an edited file is parsed again. The cache holds parse results only: schema and
 * semantic validation run on every load. RULE_PACK_CACHE=off disables it; a failing cache is ignored.
 */
function cacheDir(): string | undefined {
  if (process.env.RULE_PACK_CACHE === 'off') return undefined;
  return process.env.RULE_PACK_CACHE_DIR ?? join(tmpdir(), 'casefile-rule-pack-cache');
}

function parseCached(text: string): unknown {
  const dir = cacheDir();
  if (!dir) return parseYaml(text, { prettyErrors: true });
  const file = join(dir, `${createHash('sha1').update(text).digest('hex')}.json`);
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // not cached yet (or unreadable): parse and try to store
  }
  const value = parseYaml(text, { prettyErrors: true });
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(value));
    renameSync(tmp, file);
  } catch {
    // read-only or full disk: loading still works, just slower
  }
  return value;
}

function readYaml(path: string, display: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new RulePackError(display, undefined, '文件不存在或无法读取');
  }
  try {
    return parseCached(text);
  } catch (e) {
    throw new RulePackError(display, undefined, `YAML 解析错误：${(e as Error).message.split('\n')[0]}`);
  }
}

export function loadRulePack(dir?: string): RulePack {
  const packDir = dir ?? join(rulesDir(), 'pack');
  const manifestPath = join(packDir, 'pack.yaml');
  const manifest = readYaml(manifestPath, displayPath(manifestPath)) as { name: string; version: string; families: string[] };
  const mErrors = validator(packDir).validate(manifest, '#/definitions/packManifest');
  if (mErrors.length) throw new RulePackError(displayPath(manifestPath), undefined, `${mErrors[0].path} ${mErrors[0].message}`);

  const dtPath = [join(dirname(packDir), 'document-types.yaml'), join(rulesDir(), 'document-types.yaml')].find((p) => existsSync(p));
  if (!dtPath) throw new RulePackError(displayPath(packDir), undefined, '找不到 document-types.yaml');
  let docTypes: DocumentTypeCatalog;
  try {
    docTypes = loadDocumentTypes(dirname(dtPath));
  } catch (e) {
    throw new RulePackError(displayPath(dtPath), undefined, (e as Error).message);
  }

  // rules/law beside the pack (else the default one): marks the articles read only in a third-party copy (Q†)
  const lawDir = [join(dirname(packDir), 'law'), join(rulesDir(), 'law')].find((p) => existsSync(p));
  const laws: LawLibrary | undefined = lawDir ? loadLawLibrary(lawDir) : undefined;
  // rules/parameters beside the pack (else the default one): the dated legal values checks read
  const paramDir = join(dirname(packDir), 'parameters');
  let parameters: Map<string, Parameter>;
  try {
    parameters = existsSync(paramDir) ? loadParameters(paramDir) : defaultParameters();
  } catch (e) {
    throw new RulePackError(displayPath(paramDir), undefined, (e as Error).message);
  }
  const rules: LoadedRule[] = [];
  const byId = new Map<string, LoadedRule>();
  const formerIds = new Map<string, string>();
  const families: RulePack['families'] = [];
  for (const fileName of manifest.families) {
    const path = join(packDir, fileName);
    const file = displayPath(path);
    const raw = readYaml(path, file) as { family: string; name: string; rules: RuleDefinition[] };
    const errors = validator(packDir).validate(raw);
    if (errors.length) {
      const e = errors[0];
      const m = /^\/rules\/(\d+)/.exec(e.path);
      const rule = m ? (raw.rules?.[+m[1]] as { id?: unknown } | undefined) : undefined;
      const ruleId = rule && typeof rule.id === 'string' ? rule.id : m ? `rules[${m[1]}]` : undefined;
      throw new RulePackError(file, ruleId, `${e.path} ${e.message}${errors.length > 1 ? `（另有 ${errors.length - 1} 处）` : ''}`);
    }
    const ids: string[] = [];
    for (const def of raw.rules) {
      const ownIds = [def.id, ...(def.formerVersions ?? []).map((v) => v.id)];
      for (const [i, id] of ownIds.entries()) {
        const seen = byId.get(id) ?? (formerIds.has(id) ? byId.get(formerIds.get(id)!) : undefined);
        if (seen) throw new RulePackError(file, def.id, `规则编号 ${id} 重复（已见于 ${seen.file}）`);
        if (ownIds.indexOf(id) !== i) throw new RulePackError(file, def.id, `规则编号 ${id} 重复`);
      }
      const vProblem = versionProblems(def)[0];
      if (vProblem) throw new RulePackError(file, def.id, vProblem);
      const load = (d: RuleDefinition, formerId?: string): LoadedRule => {
        const problem = validateRuleSemantics(d, docTypes) ?? parameterProblems(d, parameters)[0];
        if (problem) throw new RulePackError(file, formerId ? `${def.id}（原 ${formerId}）` : def.id, problem);
        const basis = laws ? d.basis.map((b) => (resolveBasis(b, laws).confidence === 'Q†' ? { ...b, mark: 'Q†' as const } : b)) : d.basis;
        return {
          ...d,
          basis,
          family: raw.family,
          file,
          basisPending: d.confidence !== 'Q',
          docs: def.docs ?? `docs/rules.md#${def.id.toLowerCase()}`,
          order: rules.length,
          ...(formerId ? { formerId } : {}),
        };
      };
      const loaded = load(def);
      if (def.formerVersions?.length) {
        loaded.versions = def.formerVersions.map((v) => {
          const merged = mergeVersion(def, v);
          const errors = validator(packDir).validate(merged.check, '#/definitions/check');
          if (errors.length) throw new RulePackError(file, `${def.id}（原 ${v.id}）`, `check${errors[0].path} ${errors[0].message}`);
          formerIds.set(v.id, def.id);
          return load(merged, v.id);
        });
      }
      rules.push(loaded);
      byId.set(def.id, loaded);
      ids.push(def.id);
    }
    families.push({ id: raw.family, name: raw.name, file, ruleIds: ids });
  }
  return {
    name: manifest.name,
    version: manifest.version,
    dir: packDir,
    rules,
    byId,
    formerIds,
    parameters,
    families,
    documentTypes: docTypes,
    documentTypesVersion: docTypes.version,
  };
}

let cached: RulePack | undefined;
/** the pack under rules/pack, loaded once */
export function defaultRulePack(): RulePack {
  if (!cached) cached = loadRulePack();
  return cached;
}
