/**
 * Service instances as separate processes, for tests that need more than one instance on one database or an
 * instance killed mid-run: src/main.ts through scripts/run-ts.cjs (no build), or — for benches, which measure
 * memory as in production — the compiled dist/src/main.js (`npm run build`).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../../src/core/paths';

export interface Instance {
  pid: number;
  url: string;
  /** everything the instance printed so far */
  output: () => string;
  kill: (signal?: NodeJS.Signals) => Promise<void>;
}

export async function startInstance(env: Record<string, string>, name: string, wrapper: string[] = [], from: 'source' | 'build' = 'source'): Promise<Instance> {
  const root = projectRoot();
  const args = from === 'build' ? [join(root, 'dist', 'src', 'main.js')] : [join(root, 'scripts', 'run-ts.cjs'), join(root, 'src', 'main.ts')];
  const [command, ...rest] = wrapper.length ? [...wrapper, process.execPath, ...args] : [process.execPath, ...args];
  const child: ChildProcess = spawn(command, rest, {
    cwd: root,
    env: { ...process.env, PORT: '0', LOAD_SAMPLES: '0', NODE_OPTIONS: '', TEST_DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 60 s:\n${out}`)), 60_000);
    const check = () => {
      const m = /API:\s+(http:\/\/\S+)\/api/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} before it started:\n${out}`));
    });
  });
  return {
    pid: child.pid!,
    url,
    output: () => out,
    kill: async (signal: NodeJS.Signals = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
