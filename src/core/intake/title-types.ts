/**
 * 文书题名 → 文书类型: the catalog names of rules/document-types.yaml plus the synonym table
 * rules/intake/title-synonyms.yaml (the order of matching is described at the top of that file).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { defaultDocumentTypes, type DocumentTypeCatalog } from '../domain/document-types';
import { rulesDir } from '../paths';

export const TITLE_SYNONYMS_FILE = join('intake', 'title-synonyms.yaml');

export interface TitleMatch {
  /** document type id; 'other' when nothing matched */
  type: string;
  /** how it was found: 'name' (a catalog name), 'synonym', 'note' (its trailing note), 'keyword', 'prefix', 'contains' or 'none' */
  by: 'name' | 'synonym' | 'note' | 'keyword' | 'prefix' | 'contains' | 'none';
}

export interface TitleTyper {
  version: string;
  match(title: string): TitleMatch;
}

const FULL_WIDTH: Record<string, string> = { '（': '(', '）': ')', '【': '[', '】': ']', '：': ':', '，': ',', '、': ',' };

/** Spaces removed, full-width brackets and punctuation made half-width (both sides of a comparison get this). */
export function normalizeTitle(title: string): string {
  return title
    .replace(/[\s\u3000]+/g, '')
    .replace(/[（）【】：，、]/g, (c) => FULL_WIDTH[c])
    .replace(/[《》“”"]/g, '');
}

/** "送达回证(行政处罚事先(听证)告知书)" → ["送达回证", "行政处罚事先(听证)告知书"]; no trailing note → [title, undefined]. */
function splitTrailingNote(t: string): [string, string | undefined] {
  if (!t.endsWith(')')) return [t, undefined];
  let depth = 0;
  for (let i = t.length - 1; i >= 0; i--) {
    if (t[i] === ')') depth++;
    else if (t[i] === '(' && --depth === 0) return i === 0 ? [t, undefined] : [t.slice(0, i), t.slice(i + 1, -1)];
  }
  return [t, undefined];
}

interface SynonymFile {
  version?: unknown;
  types?: { type?: unknown; titles?: unknown; keywords?: unknown }[];
}

export function titleTyper(raw: unknown, catalog: DocumentTypeCatalog, source = TITLE_SYNONYMS_FILE): TitleTyper {
  const doc = raw as SynonymFile;
  const problems: string[] = [];
  const exact = new Map<string, { type: string; by: 'name' | 'synonym' }>();
  const keywords: { word: string; type: string }[] = [];
  for (const t of catalog.all()) exact.set(normalizeTitle(t.name), { type: t.id, by: 'name' });
  for (const [i, entry] of (Array.isArray(doc?.types) ? doc.types : []).entries()) {
    const type = String(entry?.type ?? '');
    if (!catalog.has(type)) {
      problems.push(`types[${i}].type 不是文书类型目录中的 id：${JSON.stringify(entry?.type)}`);
      continue;
    }
    for (const title of Array.isArray(entry.titles) ? entry.titles : []) {
      const key = normalizeTitle(String(title));
      const prior = exact.get(key);
      if (prior && prior.type !== type) problems.push(`types[${i}]：题名「${title}」已对应 ${prior.type}`);
      else if (!prior) exact.set(key, { type, by: 'synonym' });
    }
    for (const word of Array.isArray(entry.keywords) ? entry.keywords : []) keywords.push({ word: normalizeTitle(String(word)), type });
  }
  if (!Array.isArray(doc?.types)) problems.push('缺少 types 列表');
  if (problems.length) throw new Error(`${source} 有误：\n- ${problems.join('\n- ')}`);
  const byLength = [...exact.entries()].sort((a, b) => b[0].length - a[0].length);
  const names = catalog
    .all()
    .filter((t) => t.id !== 'other')
    .map((t) => ({ key: normalizeTitle(t.name), type: t.id }))
    .sort((a, b) => b.key.length - a.key.length);

  return {
    version: String(doc.version ?? ''),
    match(title: string): TitleMatch {
      const full = normalizeTitle(title);
      if (!full) return { type: 'other', by: 'none' };
      const direct = exact.get(full);
      if (direct) return direct;
      // strip trailing notes one at a time: "复查现场检查笔录(暗查,3月20日)" → "复查现场检查笔录"
      let base = full;
      const notes: string[] = [];
      for (;;) {
        const [head, note] = splitTrailingNote(base);
        if (note === undefined) break;
        notes.push(note);
        base = head;
        const hit = exact.get(base);
        if (hit) return hit;
      }
      for (const note of notes) {
        const hit = exact.get(note);
        if (hit && hit.type !== 'other') return { type: hit.type, by: 'note' };
      }
      for (const k of keywords) if (full.includes(k.word)) return { type: k.type, by: 'keyword' };
      for (const [key, hit] of byLength) if (key.length >= 3 && base.startsWith(key)) return { type: hit.type, by: 'prefix' };
      for (const n of names) if (base.includes(n.key)) return { type: n.type, by: 'contains' };
      return { type: 'other', by: 'none' };
    },
  };
}

let cached: { dir: string; typer: TitleTyper } | undefined;

/** The typer of rulesDir() (catalog + synonyms), cached per rules folder. */
export function defaultTitleTyper(): TitleTyper {
  const dir = rulesDir();
  if (!cached || cached.dir !== dir) {
    const file = join(dir, TITLE_SYNONYMS_FILE);
    cached = { dir, typer: titleTyper(parse(readFileSync(file, 'utf8')), defaultDocumentTypes(), file) };
  }
  return cached.typer;
}
