import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

export interface CaseFileSource {
  /** file name (no folder) */
  name: string;
  path: string;
  text: string;
}

/**
 * The `*.json` files named by `paths` (files, or folders whose `*.json` files are taken, not recursively), in
 * name order per folder. Used by the sample loader and the CLI.
 */
export function readCaseFileSources(paths: string[]): CaseFileSource[] {
  const out: CaseFileSource[] = [];
  for (const p of paths) {
    const files = statSync(p).isDirectory()
      ? readdirSync(p)
          .filter((f) => f.toLowerCase().endsWith('.json'))
          .sort()
          .map((f) => join(p, f))
      : [p];
    for (const f of files) out.push({ name: basename(f), path: f, text: readFileSync(f, 'utf8') });
  }
  return out;
}
