import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

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

/**
 * How messages and generated docs name a file: relative to the project root; a file of a rules folder outside
 * the project (RULES_DIR) as `rules/…`, so that no machine path reaches a message or a doc; anything else as given.
 */
export function displayPath(file: string): string {
  const inside = (base: string) => {
    const rel = relative(base, file);
    return rel && !rel.startsWith('..') && !rel.startsWith('/') ? rel : undefined;
  };
  try {
    const inProject = inside(projectRoot());
    if (inProject !== undefined) return inProject;
  } catch {
    // no project root (a build outside it): fall through
  }
  const inRules = inside(rulesDir());
  return inRules !== undefined ? join('rules', inRules) : file;
}
