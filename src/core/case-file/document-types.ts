/**
 * 文书类型目录 — rules/document-types.yaml, loaded and checked.
 *
 *   const types = loadDocumentTypes();      // rulesDir() by default
 *   types.has('penalty_decision')           // true
 *   types.get('penalty_decision')?.name     // '行政处罚决定书'
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { rulesDir } from '../paths';

export type DocumentStage =
  | 'cover'
  | 'source'
  | 'filing'
  | 'party'
  | 'investigation'
  | 'coercive_measure'
  | 'review'
  | 'notice'
  | 'hearing'
  | 'decision_review'
  | 'decision'
  | 'enforcement'
  | 'transfer'
  | 'education'
  | 'disclosure'
  | 'closing'
  | 'remarks'
  | 'other';

export interface DocumentType {
  /** stable id used in case files (`documents[].type`) and rules */
  id: string;
  /** 文书名称 */
  name: string;
  /** 《环境行政执法文书制作指南》(2016) 样式序号, or null when the guide has no form for it */
  form: number | null;
  /** 立卷 stage (default file order) */
  stage: string;
  /** served on the party (needs 送达) */
  servable: boolean;
  /** 机关印章 required on the document itself */
  sealRequired: boolean;
}

export interface DocumentTypeCatalog {
  version: string;
  get(id: string): DocumentType | undefined;
  all(): readonly DocumentType[];
  has(id: string): boolean;
}

export const DOCUMENT_TYPES_FILE = 'document-types.yaml';

/** Build a catalog from already-parsed YAML content; throws with every problem listed if it is malformed. */
export function documentTypeCatalog(raw: unknown, source = DOCUMENT_TYPES_FILE): DocumentTypeCatalog {
  const problems: string[] = [];
  const doc = raw as { version?: unknown; types?: unknown };
  if (typeof doc !== 'object' || doc === null) throw new Error(`${source}: 不是 YAML 映射`);
  const version = doc.version == null ? '' : String(doc.version);
  if (!version) problems.push('缺少 version');
  if (!Array.isArray(doc.types)) problems.push('缺少 types 列表');
  const list: DocumentType[] = [];
  const byId = new Map<string, DocumentType>();
  for (const [i, t] of (Array.isArray(doc.types) ? doc.types : []).entries()) {
    const e = t as Partial<DocumentType>;
    const where = `types[${i}]`;
    if (typeof e?.id !== 'string' || !/^[a-z][a-z0-9_]*$/.test(e.id)) {
      problems.push(`${where}.id 无效：${JSON.stringify(e?.id)}`);
      continue;
    }
    if (typeof e.name !== 'string' || !e.name) problems.push(`${where}.name 缺失（${e.id}）`);
    if (!(e.form === null || (typeof e.form === 'number' && Number.isInteger(e.form)))) problems.push(`${where}.form 应为整数或 null（${e.id}）`);
    if (typeof e.stage !== 'string' || !e.stage) problems.push(`${where}.stage 缺失（${e.id}）`);
    if (typeof e.servable !== 'boolean') problems.push(`${where}.servable 应为布尔值（${e.id}）`);
    if (typeof e.sealRequired !== 'boolean') problems.push(`${where}.sealRequired 应为布尔值（${e.id}）`);
    if (byId.has(e.id)) problems.push(`${where}.id 重复：${e.id}`);
    const entry: DocumentType = Object.freeze({
      id: e.id,
      name: String(e.name),
      form: e.form ?? null,
      stage: String(e.stage),
      servable: e.servable === true,
      sealRequired: e.sealRequired === true,
    });
    byId.set(e.id, entry);
    list.push(entry);
  }
  if (problems.length) throw new Error(`${source} 有误：\n- ${problems.join('\n- ')}`);
  Object.freeze(list);
  return {
    version,
    get: (id) => byId.get(id),
    all: () => list,
    has: (id) => byId.has(id),
  };
}

const cache = new Map<string, DocumentTypeCatalog>();
let defaultCatalog: { rulesDirEnv: string | undefined; catalog: DocumentTypeCatalog } | undefined;

/** The catalog of rulesDir() (RULES_DIR or the project's rules/), cached: no file-system access after the first call. */
export function defaultDocumentTypes(): DocumentTypeCatalog {
  const env = process.env.RULES_DIR;
  if (!defaultCatalog || defaultCatalog.rulesDirEnv !== env) {
    defaultCatalog = { rulesDirEnv: env, catalog: loadDocumentTypes(rulesDir()) };
  }
  return defaultCatalog.catalog;
}

/** Load (and cache per folder) `<dir>/document-types.yaml`; `dir` defaults to rulesDir(). */
export function loadDocumentTypes(dir: string = rulesDir()): DocumentTypeCatalog {
  const file = join(dir, DOCUMENT_TYPES_FILE);
  let catalog = cache.get(file);
  if (!catalog) {
    catalog = documentTypeCatalog(parse(readFileSync(file, 'utf8')), file);
    cache.set(file, catalog);
  }
  return catalog;
}
