import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiErrorBody, ApiException, isApiErrorBody, statusDefaults } from './errors';
import { type StorageFault, storageFaultBody, storageFaultOf } from './storage-fault';

/** Errors raised by body-parser (express.json) carry `type` and `status` (http-errors). */
interface BodyParserError {
  type: string;
  status?: number;
  statusCode?: number;
  limit?: number;
  length?: number;
  expose?: boolean;
  message?: string;
  charset?: string;
  encoding?: string;
}

function isBodyParserError(e: unknown): e is BodyParserError {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as BodyParserError).type === 'string' &&
    typeof ((e as BodyParserError).status ?? (e as BodyParserError).statusCode) === 'number'
  );
}

/** 5242880 → "5 MB", 1536 → "1.5 KB" */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(2)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(2)} KB`;
  return `${n} 字节`;
}

/** Translate a body-parser error into the API error shape. */
export function bodyParserErrorToApi(e: BodyParserError): ApiErrorBody {
  const status = e.status ?? e.statusCode ?? 400;
  switch (e.type) {
    case 'entity.parse.failed':
      return {
        statusCode: 400,
        code: 'INVALID_JSON',
        message: `请求体不是合法的 JSON：${e.message ?? ''}`.replace(/：$/, ''),
        errors: [],
      };
    case 'entity.too.large':
      return {
        statusCode: 413,
        code: 'PAYLOAD_TOO_LARGE',
        message:
          `请求体过大：${e.length != null ? formatBytes(e.length) : '超出'}，上限为 ${e.limit != null ? formatBytes(e.limit) : '配置值'}` +
          '（可通过环境变量 BODY_LIMIT 调整；大批量导入请拆分为多次请求）',
        errors: [],
      };
    case 'charset.unsupported':
      return { statusCode: 415, code: 'UNSUPPORTED_CHARSET', message: `不支持的字符集：${e.charset ?? ''}，请使用 UTF-8`, errors: [] };
    case 'encoding.unsupported':
      return { statusCode: 415, code: 'UNSUPPORTED_ENCODING', message: `不支持的内容编码：${e.encoding ?? ''}`, errors: [] };
    case 'entity.invalid.utf8':
      return { statusCode: 400, code: 'INVALID_UTF8', message: '请求体不是有效的 UTF-8 编码文本（含有无法解码的字节）', errors: [] };
    case 'request.aborted':
      return { statusCode: 400, code: 'REQUEST_ABORTED', message: '请求在传输完成前被中断', errors: [] };
    case 'request.size.invalid':
      return { statusCode: 400, code: 'REQUEST_SIZE_MISMATCH', message: '请求体长度与 Content-Length 不符', errors: [] };
    default: {
      const d = statusDefaults(status);
      return { statusCode: status, code: d.code, message: d.message, errors: [] };
    }
  }
}

/**
 * Renders every error — ours (ApiException), Nest's own (404 for unknown routes, 405 …), body-parser's
 * (malformed JSON, payload too large) and unexpected ones (500, logged) — as an {@link ApiErrorBody}.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  /** `onStorageFault`: told about every storage fault (the app reopens a read-only SQLite connection). */
  constructor(private readonly onStorageFault?: (fault: StorageFault) => void) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    const req = http.getRequest<Request>();
    const fault = exception instanceof HttpException ? undefined : storageFaultOf(exception);
    if (fault) {
      const { body, retryAfter } = storageFaultBody(fault);
      this.logger.warn(`${req?.method} ${req?.path} → 503 ${body.code}: ${exception instanceof Error ? exception.message : String(exception)}`);
      this.onStorageFault?.(fault);
      if (res.headersSent) return;
      res.setHeader('Retry-After', String(retryAfter));
      res.status(503).json(body);
      return;
    }
    const body = this.toBody(exception, req);
    if (body.statusCode === 503 && exception instanceof ApiException) {
      // an answer the service chose (e.g. 503 SERVICE_BUSY): one line, no stack; the path without the query string
      this.logger.warn(`${req?.method} ${req?.path ?? req?.url} → ${body.statusCode} ${body.code}`);
    } else if (body.statusCode >= 500) {
      // the path without the query string: a search for a person's name must not end up in the log
      this.logger.error(
        `${req?.method} ${req?.path ?? req?.url} → ${body.statusCode}`,
        exception instanceof Error ? exception.stack : String(exception),
      );
    }
    if (res.headersSent) return;
    res.status(body.statusCode).json(body);
  }

  toBody(exception: unknown, req?: Request): ApiErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (isApiErrorBody(response)) return response;
      // Nest wraps body-parser failures it sees in an HttpException whose cause is the original error.
      if (isBodyParserError(exception.cause)) return bodyParserErrorToApi(exception.cause);
      const d = statusDefaults(status);
      if (status === 404 && req && /^Cannot [A-Z]+ /.test(nestMessage(response) ?? '')) {
        // Nest's own "Cannot GET /x": no route matches.
        return {
          statusCode: 404,
          code: 'ROUTE_NOT_FOUND',
          message: `接口不存在：${req.method} ${req.originalUrl ?? req.url}`,
          errors: [],
        };
      }
      const detail = nestMessage(response);
      return {
        statusCode: status,
        code: d.code,
        message: detail && !/^[\x20-\x7e]*$/.test(detail) ? detail : d.message + (detail ? `（${detail}）` : ''),
        errors: [],
      };
    }
    if (isBodyParserError(exception)) return bodyParserErrorToApi(exception);
    const d = statusDefaults(500);
    return { statusCode: 500, code: d.code, message: d.message, errors: [] };
  }
}

/** The human message inside a Nest default error response ({ statusCode, message, error }). */
function nestMessage(response: string | object): string | undefined {
  if (typeof response === 'string') return response;
  const m = (response as { message?: unknown }).message;
  if (typeof m === 'string') return m;
  if (Array.isArray(m)) return m.filter((x) => typeof x === 'string').join('；');
  return undefined;
}
