/**
 * The compiled executor (default) and class-validator (reference) run the same DTO metadata; they must report
 * the same issues in the same order — on every fixture and on thousands of generated mutations of them.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateCaseFile } from '../../src/core/case-file/validate';

const root = join(__dirname, '..', '..');
function jsonFiles(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => join(dir, f));
  } catch {
    return [];
  }
}
const FILES = [join(root, 'test', 'fixtures', 'minimal-case.json'), ...jsonFiles(join(root, 'fixtures', 'cases')), ...jsonFiles(join(root, 'docs', 'examples'))];
const BASES = FILES.map((f) => JSON.parse(readFileSync(f, 'utf8')));

/** Every path (array of keys) to a value inside `v`. */
function paths(v: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...prefix, i], out));
  else if (v && typeof v === 'object') for (const k of Object.keys(v)) paths((v as any)[k], [...prefix, k], out);
  return out;
}

const replacement = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 12.345, 1e13, '', ' ', 'x', '2025-02-30', '2025-2-3', '2024-02-29', '24:00', '09:30',
    '2025-03-03 25:00', '2025-03-03 10:00', 'fine', 'direct', 'o1', 'd1', 'p1', '91430900MA4L0XXX8B', [], {}, [1], ['x'], [{}], [null], { from: 3, to: 1 }),
  fc.string(),
  fc.integer(),
  fc.double(),
);

type Mutation = { kind: 'set'; value: unknown } | { kind: 'delete' } | { kind: 'addKey'; key: string };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  replacement.map((value) => ({ kind: 'set' as const, value })),
  fc.constant({ kind: 'delete' as const }),
  fc.constantFrom('extra', 'madeon', 'servedOn', '__proto__', 'constructor', 'prototype', '0').map((key) => ({ kind: 'addKey' as const, key })),
);

function apply(base: unknown, path: (string | number)[], m: Mutation): unknown {
  const copy = structuredClone(base);
  if (path.length === 0) return m.kind === 'set' ? m.value : copy;
  let parent: any = copy;
  for (const k of path.slice(0, -1)) parent = parent[k];
  const last = path[path.length - 1];
  if (m.kind === 'set') parent[last] = m.value;
  else if (m.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else {
    const target = parent[last];
    if (target && typeof target === 'object' && !Array.isArray(target)) {
      Object.defineProperty(target, m.key, { value: 'x', enumerable: true, configurable: true, writable: true });
    }
  }
  return copy;
}

describe('compiled executor ≡ class-validator', () => {
  it.each(FILES.map((f, i) => [f.slice(root.length + 1), i] as const))('agrees on %s', (_name, i) => {
    expect(validateCaseFile(BASES[i])).toEqual(validateCaseFile(BASES[i], { engine: 'class-validator' }));
  });

  it('agrees on generated mutations (1–3 changes each)', () => {
    const basePaths = BASES.map((b) => paths(b));
    const arb = fc
      .nat({ max: BASES.length - 1 })
      .chain((b) => fc.tuple(fc.constant(b), fc.array(fc.tuple(fc.nat({ max: basePaths[b].length - 1 }), mutation), { minLength: 1, maxLength: 3 })));
    fc.assert(
      fc.property(arb, ([b, changes]) => {
        let doc: unknown = BASES[b];
        for (const [pi, m] of changes) {
          const p = basePaths[b][pi];
          try {
            doc = apply(doc, p, m);
          } catch {
            // an earlier change removed the path's parent: skip this change
          }
        }
        const compiled = validateCaseFile(doc, { maxIssues: 10_000 });
        const reference = validateCaseFile(doc, { engine: 'class-validator', maxIssues: 10_000 });
        expect(compiled).toEqual(reference);
      }),
      { numRuns: Number(process.env.EQUIVALENCE_RUNS ?? 300) },
    );
  });
});
