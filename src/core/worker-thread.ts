/**
 * Start a worker thread on a module of this code base, compiled or not: `dist/…/name.js` is loaded directly; from
 * the TypeScript sources (tests, benches via scripts/run-ts.cjs) a bootstrap registers @swc/core (a dev
 * dependency) to transpile `name.ts` on require, as run-ts does.
 */
import { existsSync } from 'node:fs';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

const TS_BOOTSTRAP = `
const { transformSync } = require('@swc/core');
const fs = require('node:fs');
require.extensions['.ts'] = function (module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename, swcrc: false, configFile: false,
    jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
require(require('node:worker_threads').workerData.__entry);
`;

/** `dir` is the caller's __dirname, `name` the worker module's file name without extension. */
export function startWorker(dir: string, name: string, workerData: Record<string, unknown> = {}): Worker {
  const js = join(dir, `${name}.js`);
  if (existsSync(js)) return new Worker(js, { workerData });
  return new Worker(TS_BOOTSTRAP, { eval: true, workerData: { ...workerData, __entry: join(dir, `${name}.ts`) } });
}

/**
 * Called first in a worker thread doing background work (report PDFs, evaluation batches): the thread gives way to
 * the threads answering requests when the cores are busy, and runs at full speed when they are idle. On Linux the
 * nice value belongs to the thread, so only the calling worker is lowered; elsewhere it would lower the whole
 * process, so nothing is done.
 */
export function yieldToRequestThreads(): void {
  if (process.platform !== 'linux') return;
  try {
    setPriority(0, 10);
  } catch {
    // not permitted (some containers): background work simply runs at normal priority
  }
}
