/**
 * Checks on untrusted JSON that must run BEFORE validation: validation and the engine walk a case file
 * recursively, so a value nested thousands of levels deep would overflow the stack, and a string holding a lone
 * UTF-16 surrogate (`"\ud800"`) cannot be written to a PDF or a file name. Both are refused here, without
 * recursion, with the path of the first offending value.
 */

/** Deeper than any real case file (about 8 levels) or request wrapping one (bulk adds 3). */
export const MAX_JSON_DEPTH = 64;

export type JsonGuardCode = 'TOO_DEEP' | 'INVALID_UNICODE';

export interface JsonGuardIssue {
  /** `documents[3].title`, '' for the root */
  path: string;
  code: JsonGuardCode;
  message: string;
}

interface Frame {
  value: unknown;
  depth: number;
  parent: Frame | undefined;
  key: string | number | undefined;
}

function pathOf(frame: Frame | undefined, lastKey?: string | number): string {
  const keys: Array<string | number> = [];
  if (lastKey !== undefined) keys.push(lastKey);
  for (let f = frame; f && f.key !== undefined; f = f.parent) keys.push(f.key);
  let out = '';
  for (let i = keys.length - 1; i >= 0; i--) {
    const k = keys[i];
    out += typeof k === 'number' ? `[${k}]` : out === '' ? k : `.${k}`;
  }
  return out;
}

/** A lone surrogate: a UTF-16 code unit that is half of a pair without its other half. */
const LONE_SURROGATE = /\p{Cs}/u;

export function hasLoneSurrogate(s: string): boolean {
  return LONE_SURROGATE.test(s);
}

function surrogateIssue(path: string, what: string): JsonGuardIssue {
  return {
    path,
    code: 'INVALID_UNICODE',
    message: `${what}含有无效的 Unicode 字符（不成对的代理项，如 \\ud800），请检查来源文本的编码`,
  };
}

/**
 * The first problem in a parsed JSON value, or undefined: nesting deeper than `maxDepth` (objects and arrays;
 * the root container is depth 1) → TOO_DEEP; a string or key with a lone surrogate → INVALID_UNICODE.
 */
export function checkJsonValue(value: unknown, maxDepth: number = MAX_JSON_DEPTH): JsonGuardIssue | undefined {
  const stack: Frame[] = [{ value, depth: 0, parent: undefined, key: undefined }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const v = frame.value;
    if (typeof v === 'string') {
      if (hasLoneSurrogate(v)) return surrogateIssue(pathOf(frame), '文本');
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    const depth = frame.depth + 1;
    if (depth > maxDepth) {
      return {
        path: pathOf(frame),
        code: 'TOO_DEEP',
        message: `JSON 嵌套层数超过 ${maxDepth} 层，不是有效的案卷数据`,
      };
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], depth, parent: frame, key: i });
    } else {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i];
        if (hasLoneSurrogate(k)) return surrogateIssue(pathOf(frame, k), '字段名');
        stack.push({ value: (v as Record<string, unknown>)[k], depth, parent: frame, key: k });
      }
    }
  }
  return undefined;
}

/** Whether the bytes are well-formed UTF-8 (no replacement would be needed to decode them). */
export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export type GuardedParse =
  | { ok: true; value: unknown }
  | { ok: false; issue: JsonGuardIssue | { path: ''; code: 'INVALID_JSON' | 'INVALID_UTF8'; message: string } };

/**
 * Decode (strict UTF-8, a leading BOM allowed), parse and check untrusted JSON bytes or text — for files read
 * outside the HTTP body parser, e.g. the entries of an evaluation zip. JSON.parse itself does not recurse on
 * the stack in V8, so only the walk above needed care.
 */
export function parseJsonGuarded(input: Uint8Array | string, maxDepth: number = MAX_JSON_DEPTH): GuardedParse {
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    if (!isValidUtf8(input)) {
      return { ok: false, issue: { path: '', code: 'INVALID_UTF8', message: '文件不是有效的 UTF-8 编码文本' } };
    }
    text = new TextDecoder('utf-8').decode(input);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, issue: { path: '', code: 'INVALID_JSON', message: `不是合法的 JSON：${(e as Error).message}` } };
  }
  const issue = checkJsonValue(value, maxDepth);
  return issue ? { ok: false, issue } : { ok: true, value };
}
