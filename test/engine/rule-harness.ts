/**
 * RuleTester-style harness: fixtures/rules/<family>.yaml lists, per rule id, `valid` and `invalid` cases.
 * Each case = a clean base case file (fixtures/rules/base/<name>.json) + edits (a small JSON-patch dialect).
 *
 * Patch paths are JSON pointers whose segments may name an array element by id: `/documents/#decision/sealed`.
 * Ops: set (creates missing objects; `-` appends), remove, merge (shallow), drop (a document and its 卷内目录 entry).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { CaseFile } from '../../src/core/case-file/types';
import { validateCaseFile } from '../../src/core/case-file/validate';

export const FIXTURES_DIR = join(__dirname, '..', '..', 'fixtures', 'rules');

export interface PatchOp {
  op: 'set' | 'remove' | 'merge' | 'drop';
  path?: string;
  id?: string;
  value?: unknown;
}

export interface CaseExpect {
  /** valid cases: where the rule must show up (default passed) */
  status?: 'passed' | 'notApplicable' | 'upcoming' | 'next';
  count?: number;
  severity?: string;
  data?: Record<string, string | number | boolean>;
  message?: string;
  upcoming?: { label?: string; dueOn?: string };
  next?: string;
  /** invalid cases of a rule with former versions: the version that applied (its former id; "" = the version in force) */
  formerId?: string;
}

export interface RuleCase {
  name: string;
  base: string;
  mode?: 'review' | 'draft';
  asOf?: string;
  patch?: PatchOp[];
  expect?: CaseExpect;
}

export interface RuleFixture {
  valid: RuleCase[];
  invalid: RuleCase[];
}

const baseCache = new Map<string, CaseFile>();

export function loadBase(name: string): CaseFile {
  let base = baseCache.get(name);
  if (!base) {
    base = JSON.parse(readFileSync(join(FIXTURES_DIR, 'base', `${name}.json`), 'utf8')) as CaseFile;
    baseCache.set(name, base);
  }
  return structuredClone(base);
}

export function baseNames(): string[] {
  return readdirSync(join(FIXTURES_DIR, 'base'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}

export function loadRuleFixtures(): Map<string, RuleFixture & { file: string }> {
  const out = new Map<string, RuleFixture & { file: string }>();
  for (const file of readdirSync(FIXTURES_DIR).filter((f) => f.endsWith('.yaml')).sort()) {
    const doc = parse(readFileSync(join(FIXTURES_DIR, file), 'utf8')) as Record<string, RuleFixture>;
    for (const [ruleId, fx] of Object.entries(doc ?? {})) {
      if (out.has(ruleId)) throw new Error(`${file}: rule ${ruleId} also in ${out.get(ruleId)!.file}`);
      out.set(ruleId, { valid: fx.valid ?? [], invalid: fx.invalid ?? [], file });
    }
  }
  return out;
}

function step(container: any, seg: string): { key: string | number; found: boolean } {
  if (Array.isArray(container)) {
    if (seg.startsWith('#')) {
      // by id (documents, records …) or by refId (卷内目录 entries)
      let i = container.findIndex((x) => x && x.id === seg.slice(1));
      if (i < 0) i = container.findIndex((x) => x && x.refId === seg.slice(1));
      if (i < 0) throw new Error(`no element with id ${seg.slice(1)}`);
      return { key: i, found: true };
    }
    if (seg === '-') return { key: container.length, found: false };
    return { key: Number(seg), found: Number(seg) < container.length };
  }
  return { key: seg, found: container[seg] !== undefined };
}

export function applyPatch(doc: any, patch: PatchOp[] = []): any {
  for (const p of patch) {
    if (p.op === 'drop') {
      // the document, what only exists for it (送达回证 …), and references to them
      const gone = new Set<string>([p.id!]);
      for (let grew = true; grew; ) {
        grew = false;
        for (const d of doc.documents)
          if (!gone.has(d.id) && d.relatesToDocumentId && gone.has(d.relatesToDocumentId) && d.type === 'service_receipt') {
            gone.add(d.id);
            grew = true;
          }
      }
      doc.documents = doc.documents.filter((d: any) => !gone.has(d.id));
      for (const d of doc.documents) {
        if (d.relatesToDocumentId && gone.has(d.relatesToDocumentId)) delete d.relatesToDocumentId;
        if (d.service?.receiptDocumentId && gone.has(d.service.receiptDocumentId)) delete d.service.receiptDocumentId;
        if (d.service?.consentDocumentId && gone.has(d.service.consentDocumentId)) delete d.service.consentDocumentId;
        if (d.resultNoticeDocumentId && gone.has(d.resultNoticeDocumentId)) delete d.resultNoticeDocumentId;
      }
      for (const a of doc.agents ?? []) if (a.authorizationDocumentId && gone.has(a.authorizationDocumentId)) delete a.authorizationDocumentId;
      doc.fileIndex = doc.fileIndex.filter((e: any) => !gone.has(e.refId));
      continue;
    }
    const segs = p.path!.split('/').slice(1);
    let cur = doc;
    for (let i = 0; i < segs.length - 1; i++) {
      const { key, found } = step(cur, segs[i]);
      if (!found) {
        if (p.op === 'remove') throw new Error(`path ${p.path} not found`);
        cur[key] = /^\d+$|^-$/.test(segs[i + 1]) ? [] : {};
      }
      cur = cur[key];
    }
    const last = segs[segs.length - 1];
    const { key } = step(cur, last);
    if (p.op === 'remove') {
      if (Array.isArray(cur)) cur.splice(key as number, 1);
      else delete cur[key];
    } else if (p.op === 'merge') {
      cur[key] = { ...(cur[key] ?? {}), ...(p.value as object) };
    } else {
      cur[key] = structuredClone(p.value);
    }
  }
  return doc;
}

/** a base + edits, validated (a fixture that is not a valid case file is a broken fixture) */
export function buildCase(c: RuleCase): CaseFile {
  const doc = applyPatch(loadBase(c.base), c.patch);
  const v = validateCaseFile(doc);
  if (!v.ok) throw new Error(`fixture "${c.name}" is not a valid case file: ${v.errors.map((e) => `${e.path} ${e.code} ${e.message}`).join('; ')}`);
  return v.value;
}
