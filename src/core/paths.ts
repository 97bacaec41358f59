import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The project root: the nearest folder above this file holding package.json (works from src/ and dist/src/). */
export function projectRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'rules'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('project root (package.json + rules/) not found above ' + __dirname);
    dir = parent;
  }
}

/** rules/ — the rule pack, scoring sheets, document types and holiday data. Overridable by RULES_DIR. */
export function rulesDir(): string {
  return process.env.RULES_DIR ?? join(projectRoot(), 'rules');
}
