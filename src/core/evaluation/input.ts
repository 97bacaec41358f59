/**
 * Evaluation input (评查输入): a folder of case-file JSON (searched recursively) or a zip of them.
 *
 * Both are streamed: a folder is walked in sorted order and read one file at a time; a zip is read entry by entry
 * (yauzl, lazyEntries) without loading the archive. An entry that cannot be read becomes an item with an `issue`
 * (recorded as that file's error) — it never stops the run.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import * as yauzl from 'yauzl';
import type { ValidationIssue } from '../case-file/validation-issue';

/** One case file to evaluate: its name (path inside the folder or zip) and its JSON text, or an already-parsed
 *  object (stored cases), or the issue that prevented reading it. */
export interface EvaluationItem {
  name: string;
  text?: string;
  value?: unknown;
  issue?: ValidationIssue;
}

export interface EvaluationInput {
  /** how many items the source will yield (for progress); computed up front without reading file contents */
  total: number;
  items: AsyncIterable<EvaluationItem>;
}

/** Largest case-file JSON accepted (bytes). A 60-document file is ~20 KB; this leaves room and stops zip bombs. */
export const MAX_CASE_FILE_BYTES = 16 * 1024 * 1024;

const isJsonName = (name: string) => name.toLowerCase().endsWith('.json');
/** code-point order: the same on every machine and locale */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class EvaluationInputError extends Error {
  constructor(
    readonly code: 'INPUT_NOT_FOUND' | 'INPUT_UNSUPPORTED' | 'INVALID_ZIP',
    message: string,
  ) {
    super(message);
    this.name = 'EvaluationInputError';
  }
}

/** Open a folder or a .zip as an evaluation input. */
export async function openEvaluationInput(path: string): Promise<EvaluationInput> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new EvaluationInputError('INPUT_NOT_FOUND', `找不到评查输入：${path}`);
  }
  if (info.isDirectory()) {
    const files = await listJsonFiles(path);
    return { total: files.length, items: readFolder(path, files) };
  }
  if (info.isFile() && (await looksLikeZip(path))) {
    const total = await countZipEntries(path);
    return { total, items: readZip(path) };
  }
  throw new EvaluationInputError('INPUT_UNSUPPORTED', `评查输入须为文件夹或 zip 压缩包：${path}`);
}

async function looksLikeZip(path: string): Promise<boolean> {
  if (path.toLowerCase().endsWith('.zip')) return true;
  const head = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    createReadStream(path, { start: 0, end: 3 })
      .on('data', (c) => chunks.push(c as Buffer))
      .on('end', () => resolve(Buffer.concat(chunks)))
      .on('error', reject);
  });
  return head.length === 4 && head.readUInt32LE(0) === 0x04034b50;
}

/** Relative paths ('/'-separated) of every *.json under `root`, sorted; hidden entries are skipped. */
export async function listJsonFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (rel: string) => {
    const entries = await readdir(rel ? join(root, rel) : root, { withFileTypes: true });
    entries.sort((a, b) => byCodePoint(a.name, b.name));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(child);
      else if (e.isFile() && isJsonName(e.name)) out.push(child);
    }
  };
  await walk('');
  return out;
}

/** Files are small (20–60 KB) and read one at a time: synchronous reads avoid a promise round trip per file;
 *  the evaluation loop yields to the event loop between files in batches. */
async function* readFolder(root: string, files: string[]): AsyncGenerator<EvaluationItem> {
  for (const name of files) {
    const full = join(root, ...name.split('/'));
    try {
      const size = statSync(full).size;
      if (size > MAX_CASE_FILE_BYTES) {
        yield { name, issue: tooLarge(size) };
        continue;
      }
      yield guarded(name, decodeUtf8(readFileSync(full)));
    } catch (e) {
      yield { name, issue: { path: '', code: 'READ_FAILED', message: `读取文件失败：${(e as Error).message}` } };
    }
  }
}

function tooLarge(size: number): ValidationIssue {
  return {
    path: '',
    code: 'FILE_TOO_LARGE',
    message: `文件过大（${size} 字节），单个卷宗 JSON 不得超过 ${MAX_CASE_FILE_BYTES} 字节`,
  };
}

/**
 * Deepest nesting of objects and arrays accepted in a case file. The format nests about six levels
 * (case → documents[] → document → service → receiver); a file nested thousands deep would exhaust the stack of
 * every recursive reader after JSON.parse and abort the whole run, so it is recorded as that file's error instead.
 */
export const MAX_JSON_DEPTH = 64;

/** The depth of the deepest object/array in JSON text (brackets inside strings do not count), scanning once. */
export function jsonNestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) max = depth;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

/** The item for a file's text: the text, or the nesting issue that keeps it from being read. */
function guarded(name: string, text: string): EvaluationItem {
  const depth = jsonNestingDepth(text);
  if (depth > MAX_JSON_DEPTH) {
    return { name, issue: { path: '', code: 'JSON_TOO_DEEP', message: `JSON 嵌套过深（${depth} 层，最多 ${MAX_JSON_DEPTH} 层），不是案卷文件` } };
  }
  return { name, text };
}

/** UTF-8 text without a byte-order mark (Excel and Windows editors add one). */
export function decodeUtf8(buf: Buffer): string {
  const text = buf.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

// —— zip ——

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (err, zip) =>
      err || !zip ? reject(new EvaluationInputError('INVALID_ZIP', `无法读取 zip 压缩包：${err?.message ?? path}`)) : resolve(zip),
    ),
  );
}

/** The next entry, or null at the end of the central directory. */
function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | null> {
  return new Promise((resolve, reject) => {
    const onEntry = (entry: yauzl.Entry) => done(() => resolve(entry));
    const onEnd = () => done(() => resolve(null));
    const onError = (err: Error) => done(() => reject(new EvaluationInputError('INVALID_ZIP', `zip 压缩包损坏：${err.message}`)));
    const done = (fn: () => void) => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
      fn();
    };
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

const isCaseEntry = (entry: yauzl.Entry) =>
  !entry.fileName.endsWith('/') &&
  isJsonName(entry.fileName) &&
  !entry.fileName.split('/').some((part) => part.startsWith('.') || part === '__MACOSX');

async function countZipEntries(path: string): Promise<number> {
  const zip = await openZip(path);
  try {
    let n = 0;
    for (let e = await nextEntry(zip); e; e = await nextEntry(zip)) if (isCaseEntry(e)) n++;
    return n;
  } finally {
    zip.close();
  }
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream?: Readable) => {
      if (err || !stream) return reject(err ?? new Error('no stream'));
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_CASE_FILE_BYTES) stream.destroy(new Error(`解压后超过 ${MAX_CASE_FILE_BYTES} 字节`));
        else chunks.push(c);
      });
      stream.on('end', () => resolve(Buffer.concat(chunks)));
      stream.on('error', reject);
    });
  });
}

async function* readZip(path: string): AsyncGenerator<EvaluationItem> {
  const zip = await openZip(path);
  try {
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
      if (!isCaseEntry(entry)) continue;
      const name = entry.fileName;
      if (entry.uncompressedSize > MAX_CASE_FILE_BYTES) {
        yield { name, issue: tooLarge(entry.uncompressedSize) };
        continue;
      }
      if (entry.isEncrypted() || !entry.canDecodeFileData()) {
        yield { name, issue: { path: '', code: 'ZIP_ENTRY_UNREADABLE', message: '压缩包内文件已加密或压缩方式不受支持' } };
        continue;
      }
      try {
        yield guarded(name, decodeUtf8(await readEntry(zip, entry)));
      } catch (e) {
        yield { name, issue: { path: '', code: 'ZIP_ENTRY_UNREADABLE', message: `解压失败：${(e as Error).message}` } };
      }
    }
  } finally {
    zip.close();
  }
}

/** An input built from items already in hand (stored cases). */
export function inputFromItems(items: EvaluationItem[]): EvaluationInput {
  return {
    total: items.length,
    items: (async function* () {
      yield* items;
    })(),
  };
}
