/**
 * The law inside the repository (rules/law/*.yaml): for every law, regulation or document the rule pack cites,
 * its articles (第N条), items (第N项, the 评查细则's 重大问题) and named sections, each with the text read (or a
 * summary where no original text was read), source and confidence. Pure TypeScript (no Nest).
 *
 * `resolveBasis` finds the entries one `LegalBasis` cites; `checkBasis` reports what does not hold: an unknown
 * law, an article the law file lacks, a quote that is not verbatim in the cited article's text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { rulesDir } from '../paths';

/** Q 原文 · Q† 原文的第三方副本 · S 二手转引 · I 推断 */
export type LawConfidence = 'Q' | 'Q†' | 'S' | 'I';
const CONFIDENCES: readonly string[] = ['Q', 'Q†', 'S', 'I'];

export interface LawEntry {
  /** 第60条 · 第14项 · 问题7（…） */
  key: string;
  /** the text read, verbatim; `excerpt` when only part of it was read */
  text?: string;
  excerpt?: boolean;
  /** what the provision says, where no original text was read (never quoted) */
  summary?: string;
  note?: string;
  confidence: LawConfidence;
  source: string;
}

export interface LawText {
  law: string;
  aliases: string[];
  file: string;
  issuer?: string;
  version?: string;
  effective?: { from?: string; until?: string; note?: string };
  confidence: LawConfidence;
  source: string;
  entries: Map<string, LawEntry>;
}

export class LawTextError extends Error {
  constructor(readonly file: string, readonly reason: string) {
    super(`法律条文文件有误 ${file}: ${reason}`);
    this.name = 'LawTextError';
  }
}

function entryMap(file: string, raw: unknown, prefix: (k: string) => string, doc: { confidence: LawConfidence; source: string }, out: Map<string, LawEntry>) {
  if (raw === undefined) return;
  if (typeof raw !== 'object' || raw === null) throw new LawTextError(file, '条文表应为对象');
  for (const [k, v] of Object.entries(raw as Record<string, any>)) {
    const key = prefix(k);
    if (typeof v !== 'object' || v === null) throw new LawTextError(file, `${key}: 应为对象（text / summary …）`);
    if (typeof v.text !== 'string' && typeof v.summary !== 'string') throw new LawTextError(file, `${key}: 须有 text（原文）或 summary（未读到原文时的内容概要）`);
    const confidence = v.confidence ?? doc.confidence;
    if (!CONFIDENCES.includes(confidence)) throw new LawTextError(file, `${key}: 置信度 ${confidence} 不在 ${CONFIDENCES.join('/')} 之内`);
    if (out.has(key)) throw new LawTextError(file, `${key} 重复`);
    out.set(key, { key, text: v.text, excerpt: v.excerpt === true, summary: v.summary, note: v.note, confidence, source: v.source ?? doc.source });
  }
}

function parseDocument(file: string, d: any): LawText {
  if (typeof d?.law !== 'string' || !d.law) throw new LawTextError(file, '缺少 law（法律名称，与规则包 basis.law 一致）');
  if (!CONFIDENCES.includes(d.confidence)) throw new LawTextError(file, `${d.law}: 缺少或无效的 confidence`);
  if (typeof d.source !== 'string' || !d.source) throw new LawTextError(file, `${d.law}: 缺少 source（来源）`);
  const entries = new Map<string, LawEntry>();
  entryMap(file, d.articles, (k) => `第${k}条`, d, entries);
  entryMap(file, d.items, (k) => `第${k}项`, d, entries);
  entryMap(file, d.sections, (k) => k, d, entries);
  return {
    law: d.law,
    aliases: Array.isArray(d.aliases) ? d.aliases : [],
    file,
    issuer: d.issuer,
    version: d.version,
    effective: d.effective ? { from: d.effective.from && String(d.effective.from), until: d.effective.until && String(d.effective.until), note: d.effective.note } : undefined,
    confidence: d.confidence,
    source: d.source,
    entries,
  };
}

export interface LawLibrary {
  laws: LawText[];
  byName: Map<string, LawText>;
}

/** Reads rules/law/*.yaml (a file holds one law, or `documents:` a list of them). Throws LawTextError. */
export function loadLawLibrary(dir: string = join(rulesDir(), 'law')): LawLibrary {
  const laws: LawText[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort()) {
    const file = join('law', f);
    const doc = parse(readFileSync(join(dir, f), 'utf8'), { schema: 'core' });
    for (const d of Array.isArray(doc?.documents) ? doc.documents : [doc]) laws.push(parseDocument(file, d));
  }
  const byName = new Map<string, LawText>();
  for (const l of laws)
    for (const name of [l.law, ...l.aliases]) {
      if (byName.has(name)) throw new LawTextError(l.file, `名称 ${name} 与 ${byName.get(name)!.file} 重复`);
      byName.set(name, l);
    }
  return { laws, byName };
}

let cached: LawLibrary | undefined;
export function defaultLawLibrary(): LawLibrary {
  return (cached ??= loadLawLibrary());
}

/** the provisions an article citation names: 第61条、第85条 → [第61条, 第85条]; 第14项 → [第14项]; else the citation itself */
export function citedKeys(article: string): string[] {
  const keys = [...article.matchAll(/第(\d+)([条项])/g)].map((m) => `第${m[1]}${m[2]}`);
  // 第12条至第14条: every article of the range
  for (const m of article.matchAll(/第(\d+)条至第(\d+)条/g)) for (let n = Number(m[1]) + 1; n < Number(m[2]); n++) keys.push(`第${n}条`);
  return keys.length ? [...new Set(keys)] : [article];
}

const norm = (s: string) => s.replace(/[“”"]/g, '"').replace(/[‘’']/g, "'").replace(/\s+/g, '');

export interface BasisLike {
  law: string;
  article: string;
  quote?: string;
}

export interface ResolvedBasis {
  law?: LawText;
  entries: LawEntry[];
  problems: string[];
  /** the weakest confidence among the cited entries */
  confidence?: LawConfidence;
}

export function resolveBasis(b: BasisLike, lib: LawLibrary = defaultLawLibrary()): ResolvedBasis {
  const law = lib.byName.get(b.law);
  if (!law) return { entries: [], problems: [`rules/law 中没有《${b.law}》`] };
  const problems: string[] = [];
  const entries: LawEntry[] = [];
  for (const key of citedKeys(b.article)) {
    const e = law.entries.get(key);
    if (e) entries.push(e);
    else problems.push(`${law.file}《${law.law}》没有 ${key}`);
  }
  if (b.quote) {
    const texts = entries.filter((e) => e.text).map((e) => norm(e.text!));
    if (!texts.length) problems.push(`引文“${b.quote}”：所引条文（${b.article}）在 ${law.file} 中没有原文`);
    else if (!texts.some((t) => t.includes(norm(b.quote!)))) problems.push(`引文“${b.quote}”不在 ${law.file} ${b.article} 的原文中`);
  }
  const order = ['I', 'S', 'Q†', 'Q'];
  const confidence = entries.length ? entries.map((e) => e.confidence).sort((x, y) => order.indexOf(x) - order.indexOf(y))[0] : undefined;
  return { law, entries, problems, confidence };
}
