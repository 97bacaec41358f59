import { HttpException, HttpStatus } from '@nestjs/common';
import type { ValidationIssue } from '../core/case-file/validation-issue';

export type { ValidationIssue } from '../core/case-file/validation-issue';

/**
 * The one error body every API response uses (4xx and 5xx alike):
 *
 *   { statusCode: 400, code: 'VALIDATION_FAILED', message: '案卷数据校验未通过（共 2 处问题）',
 *     errors: [{ path: 'documents[3].service.servedOn', code: 'INVALID_DATE', message: '日期不存在：2025-02-30' }] }
 *
 * `code` is stable English UPPER_SNAKE (for programs), `message` is Chinese (for people), `errors` lists the
 * individual problems (empty when the error is not about particular fields).
 */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors: ValidationIssue[];
}

/** An HttpException whose response body is exactly an {@link ApiErrorBody}. */
export class ApiException extends HttpException {
  constructor(readonly body: ApiErrorBody) {
    super(body, body.statusCode);
  }
}

export function apiError(statusCode: number, code: string, message: string, errors: ValidationIssue[] = []): ApiException {
  return new ApiException({ statusCode, code, message, errors });
}

/** 400 — the input is wrong. Throws. `issues` are the individual problems (field path, code, Chinese message). */
export function badRequest(
  issues: ValidationIssue[],
  message = issues.length > 0 ? `请求数据校验未通过（共 ${issues.length} 处问题）` : '请求数据有误',
  code = 'VALIDATION_FAILED',
): never {
  throw apiError(HttpStatus.BAD_REQUEST, code, message, issues);
}

/** 404 — the addressed resource does not exist. Throws. */
export function notFound(message: string, code = 'NOT_FOUND', issues: ValidationIssue[] = []): never {
  throw apiError(HttpStatus.NOT_FOUND, code, message, issues);
}

/** 409 — the request conflicts with the resource's state (e.g. archived case, duplicate case number). Throws. */
export function conflict(message: string, code = 'CONFLICT', issues: ValidationIssue[] = []): never {
  throw apiError(HttpStatus.CONFLICT, code, message, issues);
}

/** Default code and Chinese message for a bare HTTP status (used when an error carries nothing better). */
export const STATUS_DEFAULTS: Readonly<Record<number, { code: string; message: string }>> = {
  400: { code: 'BAD_REQUEST', message: '请求有误' },
  401: { code: 'UNAUTHORIZED', message: '未认证' },
  403: { code: 'FORBIDDEN', message: '无权访问' },
  404: { code: 'NOT_FOUND', message: '未找到请求的资源' },
  405: { code: 'METHOD_NOT_ALLOWED', message: '不支持该请求方法' },
  406: { code: 'NOT_ACCEPTABLE', message: '无法提供所请求的格式' },
  408: { code: 'REQUEST_TIMEOUT', message: '请求超时' },
  409: { code: 'CONFLICT', message: '请求与资源当前状态冲突' },
  412: { code: 'PRECONDITION_FAILED', message: '前置条件不满足' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: '请求体过大' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的请求体类型' },
  422: { code: 'UNPROCESSABLE_ENTITY', message: '请求内容无法处理' },
  429: { code: 'TOO_MANY_REQUESTS', message: '请求过于频繁' },
  500: { code: 'INTERNAL_ERROR', message: '服务器内部错误' },
  501: { code: 'NOT_IMPLEMENTED', message: '功能尚未实现' },
  502: { code: 'BAD_GATEWAY', message: '上游服务错误' },
  503: { code: 'SERVICE_UNAVAILABLE', message: '服务暂不可用' },
};

export function statusDefaults(status: number): { code: string; message: string } {
  return STATUS_DEFAULTS[status] ?? (status >= 500 ? STATUS_DEFAULTS[500] : { code: 'HTTP_' + status, message: '请求失败' });
}

/** True if `value` already has the ApiErrorBody shape (so a filter can pass it through unchanged). */
export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.statusCode === 'number' &&
    typeof v.code === 'string' &&
    typeof v.message === 'string' &&
    Array.isArray(v.errors)
  );
}
