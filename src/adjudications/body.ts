/** Reading a JSON request body field by field: every problem becomes an issue with its path (body.<field>). */
import { badRequest, type ValidationIssue } from '../common/errors';

export class BodyReader {
  readonly issues: ValidationIssue[] = [];
  private readonly o: Record<string, unknown>;

  constructor(
    body: unknown,
    private readonly allowed: readonly string[],
    private readonly prefix = 'body',
  ) {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      this.o = {};
      this.issues.push({ path: prefix, code: 'INVALID_BODY', message: '请求体须为 JSON 对象' });
      return;
    }
    this.o = body as Record<string, unknown>;
    for (const k of Object.keys(this.o)) {
      if (!allowed.includes(k)) this.issues.push({ path: `${prefix}.${k}`, code: 'UNKNOWN_PROPERTY', message: `未知字段「${k}」（可用：${allowed.join('、')}）` });
    }
  }

  has(key: string): boolean {
    return this.o[key] !== undefined && this.o[key] !== null;
  }

  raw(key: string): unknown {
    return this.o[key];
  }

  string(key: string, label: string, opts: { required?: boolean; max?: number } = {}): string | undefined {
    const v = this.o[key];
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
      if (opts.required) this.issues.push({ path: `${this.prefix}.${key}`, code: 'REQUIRED', message: `须填写${label}` });
      return undefined;
    }
    if (typeof v !== 'string') {
      this.issues.push({ path: `${this.prefix}.${key}`, code: 'INVALID_TYPE', message: `${label}须为文字` });
      return undefined;
    }
    const max = opts.max ?? 4000;
    if (v.length > max) {
      this.issues.push({ path: `${this.prefix}.${key}`, code: 'TOO_LONG', message: `${label}不能超过 ${max} 字` });
      return undefined;
    }
    return v.trim();
  }

  number(key: string, label: string, opts: { required?: boolean; min?: number; max?: number } = {}): number | undefined {
    const v = this.o[key];
    if (v === undefined || v === null) {
      if (opts.required) this.issues.push({ path: `${this.prefix}.${key}`, code: 'REQUIRED', message: `须填写${label}` });
      return undefined;
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.issues.push({ path: `${this.prefix}.${key}`, code: 'INVALID_TYPE', message: `${label}须为数字` });
      return undefined;
    }
    if ((opts.min !== undefined && v < opts.min) || (opts.max !== undefined && v > opts.max)) {
      this.issues.push({ path: `${this.prefix}.${key}`, code: 'OUT_OF_RANGE', message: `${label}须在 ${opts.min ?? '-∞'} 至 ${opts.max ?? '∞'} 之间：${v}` });
      return undefined;
    }
    return v;
  }

  oneOf<T extends string>(key: string, label: string, values: readonly T[], opts: { required?: boolean } = {}): T | undefined {
    const v = this.o[key];
    if (v === undefined || v === null || v === '') {
      if (opts.required) this.issues.push({ path: `${this.prefix}.${key}`, code: 'REQUIRED', message: `须填写${label}（${values.join(' / ')}）` });
      return undefined;
    }
    if (typeof v !== 'string' || !values.includes(v as T)) {
      this.issues.push({ path: `${this.prefix}.${key}`, code: 'INVALID_VALUE', message: `${label}须为 ${values.join(' / ')}：${String(v)}` });
      return undefined;
    }
    return v as T;
  }

  boolean(key: string, label: string, opts: { required?: boolean } = {}): boolean | undefined {
    const v = this.o[key];
    if (v === undefined || v === null) {
      if (opts.required) this.issues.push({ path: `${this.prefix}.${key}`, code: 'REQUIRED', message: `须填写${label}` });
      return undefined;
    }
    if (typeof v !== 'boolean') {
      this.issues.push({ path: `${this.prefix}.${key}`, code: 'INVALID_TYPE', message: `${label}须为 true 或 false` });
      return undefined;
    }
    return v;
  }

  issue(key: string, code: string, message: string): void {
    this.issues.push({ path: key ? `${this.prefix}.${key}` : this.prefix, code, message });
  }

  /** 400 with every issue, if any. */
  done(message = '请求数据有误'): void {
    if (this.issues.length > 0) badRequest(this.issues, `${message}（共 ${this.issues.length} 处问题）`, 'VALIDATION_FAILED');
  }
}
