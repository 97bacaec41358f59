/**
 * 文书类型目录 — rules/document-types.yaml, loaded and checked once. The one place that says which document types
 * exist, what they are called, which are served on the party (送达) or need the agency's seal, which groups the
 * rules speak of ("the case's decision", "investigation evidence" …) and in which order stages come.
 *
 *   const types = loadDocumentTypes();        // rulesDir() by default
 *   types.get('penalty_decision')?.name       // '行政处罚决定书'
 *   types.group('case_decision')              // ['penalty_decision', 'no_penalty_decision', 'on_the_spot_decision']
 *   types.servable()                          // every type served on the party
 *
 * 普法教育记录 are a document type like any other (`education_record`): a case file records them in
 * `educationRecords` (or as documents of that type), and the engine's targets treat both alike.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { rulesDir } from '../paths';

export interface DocumentType {
  /** stable id used in case files (`documents[].type`) and rules */
  id: string;
  /** 文书名称 */
  name: string;
  /** 《环境行政执法文书制作指南》(2016) 样式序号, or null when the guide has no form for it */
  form: number | null;
  /** 立卷 stage (one of `stages.handling`) */
  stage: string;
  /** served on the party (needs 送达) */
  servable: boolean;
  /** 机关印章 required on the document itself */
  sealRequired: boolean;
}

export interface DocumentGroup {
  id: string;
  /** what the group is, in the law's words */
  name: string;
  types: readonly string[];
}

export interface DocumentTypeCatalog {
  version: string;
  get(id: string): DocumentType | undefined;
  all(): readonly DocumentType[];
  has(id: string): boolean;
  /** the types of a named group, in catalog order of the group; throws on an unknown group (a typo in code) */
  group(id: string): readonly string[];
  groups(): readonly DocumentGroup[];
  /** the types served on the party (`servable: true`) */
  servable(): readonly string[];
  /** the types that must carry the agency's seal (`sealRequired: true`) */
  sealRequired(): readonly string[];
  /** position of a type's stage in the order a case produces documents (办理顺序); unknown types last */
  handlingRank(type: string): number;
  /** rank of a stage in the default order of the main volume (正卷缺省排列); equal ranks may come in either order */
  fileOrderRank(stage: string): number | undefined;
}

export const DOCUMENT_TYPES_FILE = 'document-types.yaml';

/** the type every 普法教育记录 has, whether recorded in `educationRecords` or in `documents` */
export const EDUCATION_RECORD_TYPE = 'education_record';

const ID_RE = /^[a-z][a-z0-9_]*$/;

/** Build a catalog from already-parsed YAML content; throws with every problem listed if it is malformed. */
export function documentTypeCatalog(raw: unknown, source = DOCUMENT_TYPES_FILE): DocumentTypeCatalog {
  const problems: string[] = [];
  const doc = raw as { version?: unknown; types?: unknown; stages?: unknown; groups?: unknown };
  if (typeof doc !== 'object' || doc === null) throw new Error(`${source}: 不是 YAML 映射`);
  const version = doc.version == null ? '' : String(doc.version);
  if (!version) problems.push('缺少 version');

  const stagesRaw = (doc.stages ?? {}) as { handling?: unknown; fileOrder?: unknown };
  const handling = Array.isArray(stagesRaw.handling) ? stagesRaw.handling.map(String) : [];
  if (!handling.length) problems.push('缺少 stages.handling（办理顺序的阶段列表）');
  if (new Set(handling).size !== handling.length) problems.push('stages.handling 有重复阶段');
  const fileRank = new Map<string, number>();
  if (!Array.isArray(stagesRaw.fileOrder)) problems.push('缺少 stages.fileOrder（正卷缺省排列）');
  for (const [rank, tier] of (Array.isArray(stagesRaw.fileOrder) ? stagesRaw.fileOrder : []).entries()) {
    for (const s of Array.isArray(tier) ? tier.map(String) : [String(tier)]) {
      if (!handling.includes(s)) problems.push(`stages.fileOrder[${rank}] 的阶段 ${s} 不在 stages.handling 中`);
      if (fileRank.has(s)) problems.push(`stages.fileOrder 重复列出阶段 ${s}`);
      fileRank.set(s, rank);
    }
  }
  for (const s of handling) if (!fileRank.has(s)) problems.push(`stages.fileOrder 缺少阶段 ${s}`);

  if (!Array.isArray(doc.types)) problems.push('缺少 types 列表');
  const list: DocumentType[] = [];
  const byId = new Map<string, DocumentType>();
  for (const [i, t] of (Array.isArray(doc.types) ? doc.types : []).entries()) {
    const e = t as Partial<DocumentType>;
    const where = `types[${i}]`;
    if (typeof e?.id !== 'string' || !ID_RE.test(e.id)) {
      problems.push(`${where}.id 无效：${JSON.stringify(e?.id)}`);
      continue;
    }
    if (typeof e.name !== 'string' || !e.name) problems.push(`${where}.name 缺失（${e.id}）`);
    if (!(e.form === null || (typeof e.form === 'number' && Number.isInteger(e.form)))) problems.push(`${where}.form 应为整数或 null（${e.id}）`);
    if (typeof e.stage !== 'string' || !e.stage) problems.push(`${where}.stage 缺失（${e.id}）`);
    else if (handling.length && !handling.includes(e.stage)) problems.push(`${where}.stage ${e.stage} 不在 stages.handling 中（${e.id}）`);
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
  if (!byId.has(EDUCATION_RECORD_TYPE)) problems.push(`缺少文书类型 ${EDUCATION_RECORD_TYPE}（普法教育记录）`);

  const groups: DocumentGroup[] = [];
  const groupById = new Map<string, DocumentGroup>();
  if (typeof doc.groups !== 'object' || doc.groups === null || Array.isArray(doc.groups)) problems.push('缺少 groups 映射');
  for (const [id, g] of Object.entries((doc.groups ?? {}) as Record<string, { name?: unknown; types?: unknown }>)) {
    if (!ID_RE.test(id)) problems.push(`groups.${id}：组名无效`);
    if (typeof g?.name !== 'string' || !g.name) problems.push(`groups.${id}.name 缺失`);
    const types = Array.isArray(g?.types) ? g.types.map(String) : [];
    if (!types.length) problems.push(`groups.${id}.types 应为非空列表`);
    for (const t of types) if (!byId.has(t)) problems.push(`groups.${id} 引用了未知文书类型 ${t}`);
    const group: DocumentGroup = Object.freeze({ id, name: String(g?.name), types: Object.freeze(types) });
    groups.push(group);
    groupById.set(id, group);
  }
  if (problems.length) throw new Error(`${source} 有误：\n- ${problems.join('\n- ')}`);

  Object.freeze(list);
  const servable = Object.freeze(list.filter((t) => t.servable).map((t) => t.id));
  const sealRequired = Object.freeze(list.filter((t) => t.sealRequired).map((t) => t.id));
  return {
    version,
    get: (id) => byId.get(id),
    all: () => list,
    has: (id) => byId.has(id),
    group(id) {
      const g = groupById.get(id);
      if (!g) throw new Error(`${source}: 没有文书组 ${id}`);
      return g.types;
    },
    groups: () => groups,
    servable: () => servable,
    sealRequired: () => sealRequired,
    handlingRank(type) {
      const i = handling.indexOf(byId.get(type)?.stage ?? 'other');
      return i < 0 ? handling.length : i;
    },
    fileOrderRank: (stage) => fileRank.get(stage),
  };
}

const cache = new Map<string, DocumentTypeCatalog>();

/** The catalog of rulesDir() (RULES_DIR or the project's rules/); read once per folder. */
export function defaultDocumentTypes(): DocumentTypeCatalog {
  return loadDocumentTypes(rulesDir());
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
