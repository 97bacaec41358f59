/**
 * Load sample case files into a RUNNING service through its API (POST /api/cases/bulk).
 *
 *   node scripts/run-ts.cjs scripts/load-samples.ts                       # fixtures/cases/*.json → http://localhost:3000
 *   node scripts/run-ts.cjs scripts/load-samples.ts --url http://host:3000 docs/examples/full-case.json my-cases/
 *
 * The service needs a login: pass a token from POST /api/auth/login with `--token …` or CASEFILE_TOKEN=… (an
 * officer's account; the cases are filed under that officer's agency or the agency they name within it).
 *
 * Files whose case number the service already holds are reported as skipped (running it twice is harmless).
 * Exit code: 0 when every file was stored or skipped, 1 when a file was rejected, 2 when the service is unreachable.
 * (Alternative without a second process: start the server with LOAD_SAMPLES=1.)
 */
import { join } from 'node:path';
import { readCaseFileSources, type CaseFileSource } from '../src/core/case-file/read-case-files';

interface BulkResult {
  index: number;
  name?: string;
  ok: boolean;
  id?: string;
  caseNumber?: string;
  statusCode?: number;
  code?: string;
  message?: string;
  errors?: { path: string; code: string; message: string }[];
}

export interface LoadSummary {
  created: number;
  skipped: number;
  failed: number;
}

/** Bulk requests stay well under the service's default 5 MB body limit. */
const MAX_BATCH_BYTES = 4 * 1024 * 1024;

function batches(sources: CaseFileSource[]): CaseFileSource[][] {
  const out: CaseFileSource[][] = [];
  let current: CaseFileSource[] = [];
  let size = 0;
  for (const s of sources) {
    const bytes = Buffer.byteLength(s.text);
    if (current.length && size + bytes > MAX_BATCH_BYTES) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(s);
    size += bytes;
  }
  if (current.length) out.push(current);
  return out;
}

export async function loadSamples(
  baseUrl: string,
  paths: string[],
  log: (line: string) => void = console.log,
  token: string | undefined = process.env.CASEFILE_TOKEN,
): Promise<LoadSummary> {
  const summary: LoadSummary = { created: 0, skipped: 0, failed: 0 };
  const sources = readCaseFileSources(paths);
  for (const batch of batches(sources)) {
    const files: { name: string; caseFile: unknown }[] = [];
    for (const s of batch) {
      try {
        files.push({ name: s.name, caseFile: JSON.parse(s.text) });
      } catch (e) {
        summary.failed++;
        log(`✗ ${s.name}  不是合法的 JSON：${(e as Error).message}`);
      }
    }
    if (!files.length) continue;
    const res = await fetch(new URL('/api/cases/bulk', baseUrl), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ files }),
    });
    const body = (await res.json()) as { results?: BulkResult[]; message?: string };
    if (!res.ok || !body.results) throw new Error(`服务返回 ${res.status}：${body.message ?? ''}`);
    for (const r of body.results) {
      if (r.ok) {
        summary.created++;
        log(`✓ ${r.name}  ${r.caseNumber}  → ${new URL(`/api/cases/${r.id}`, baseUrl)}`);
      } else if (r.code === 'CASE_NUMBER_EXISTS') {
        summary.skipped++;
        log(`- ${r.name}  已存在，跳过（${r.message}）`);
      } else {
        summary.failed++;
        log(`✗ ${r.name}  ${r.statusCode} ${r.code} ${r.message}`);
        for (const e of (r.errors ?? []).slice(0, 10)) log(`    ${e.path || '(根)'}  ${e.code}  ${e.message}`);
      }
    }
  }
  return summary;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let url = `http://localhost:${process.env.PORT ?? 3000}`;
  const paths: string[] = [];
  let token = process.env.CASEFILE_TOKEN;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--url') url = args[++i];
    else if (args[i] === '--token') token = args[++i];
    else if (args[i] === '--help' || args[i] === '-h') {
      console.log('用法：node scripts/run-ts.cjs scripts/load-samples.ts [--url http://localhost:3000] [--token 登录令牌（或环境变量 CASEFILE_TOKEN）] [文件或目录…]（默认 fixtures/cases）');
      return;
    } else paths.push(args[i]);
  }
  if (!paths.length) paths.push(join(__dirname, '..', 'fixtures', 'cases'));
  let summary: LoadSummary;
  try {
    summary = await loadSamples(url, paths, console.log, token);
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause;
    if (cause?.code === 'ECONNREFUSED') {
      console.error(`无法连接 ${url}：服务是否已启动？（npm run build && npm start）`);
      process.exit(2);
    }
    throw e;
  }
  console.log(`\n新增 ${summary.created} 份，已存在跳过 ${summary.skipped} 份，失败 ${summary.failed} 份。浏览：${url}/api/docs`);
  if (summary.failed) process.exit(1);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
