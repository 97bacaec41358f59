import { badRequest, type ValidationIssue } from './errors';

/**
 * Small checks for the JSON bodies of the account endpoints: every problem is collected with its field path and
 * reported at once (400 VALIDATION_FAILED), unknown fields are refused.
 */
export class BodyChecker {
  readonly issues: ValidationIssue[] = [];
  private readonly body: Record<string, unknown>;

  constructor(body: unknown, allowed: readonly string[]) {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      badRequest([{ path: '', code: 'INVALID_TYPE', message: '请求体应为 JSON 对象' }], '请求体应为 JSON 对象');
    }
    this.body = body as Record<string, unknown>;
    for (const key of Object.keys(this.body)) {
      if (!allowed.includes(key)) {
        this.issues.push({ path: key, code: 'UNKNOWN_PROPERTY', message: `未知字段「${key}」；可用字段：${allowed.join('、')}` });
      }
    }
  }

  has(key: string): boolean {
    return this.body[key] !== undefined;
  }

  raw(key: string): unknown {
    return this.body[key];
  }

  /** A string of 1..max characters after trimming (required unless `optional`). */
  string(key: string, label: string, max: number, optional = false): string | undefined {
    const v = this.body[key];
    if (v === undefined || v === null) {
      if (!optional) this.issues.push({ path: key, code: 'REQUIRED', message: `缺少${label}（${key}）` });
      return undefined;
    }
    if (typeof v !== 'string') {
      this.issues.push({ path: key, code: 'INVALID_TYPE', message: `${label}（${key}）应为字符串` });
      return undefined;
    }
    const t = v.trim();
    if (t === '' || [...t].length > max) {
      this.issues.push({ path: key, code: 'INVALID_LENGTH', message: `${label}（${key}）应为 1–${max} 个字符` });
      return undefined;
    }
    return t;
  }

  boolean(key: string, label: string): boolean | undefined {
    const v = this.body[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'boolean') {
      this.issues.push({ path: key, code: 'INVALID_TYPE', message: `${label}（${key}）应为 true 或 false` });
      return undefined;
    }
    return v;
  }

  add(issue: ValidationIssue): void {
    this.issues.push(issue);
  }

  /** Throws 400 if anything was wrong. */
  done(message = '请求数据校验未通过'): void {
    if (this.issues.length) badRequest(this.issues, `${message}（共 ${this.issues.length} 处问题）`);
  }
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
