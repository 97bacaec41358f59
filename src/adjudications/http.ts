/** Small helpers shared by the adjudication and evaluation-task controllers. */
import { StreamableFile } from '@nestjs/common';
import { badRequest } from '../common/errors';

/** One query value (the last if repeated); undefined when absent or empty. */
export function one(value: unknown): string | undefined {
  const v = Array.isArray(value) ? value[value.length - 1] : value;
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** Refuse query parameters the route does not know (400 UNKNOWN_PARAMETER, path query.<name>). */
export function knownQuery(query: Record<string, unknown>, known: readonly string[]): void {
  const extra = Object.keys(query).filter((k) => !known.includes(k));
  if (extra.length > 0) {
    badRequest(
      extra.map((k) => ({ path: `query.${k}`, code: 'UNKNOWN_PARAMETER', message: `未知的查询参数「${k}」${known.length ? `；可用：${known.join('、')}` : ''}` })),
      '查询参数有误',
      'INVALID_QUERY',
    );
  }
}

export function fileResponse(body: Uint8Array, contentType: string, fileName: string, disposition: 'inline' | 'attachment' = 'inline'): StreamableFile {
  return new StreamableFile(Buffer.from(body.buffer, body.byteOffset, body.byteLength), {
    type: contentType,
    disposition: `${disposition}; filename="download"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    length: body.byteLength,
  });
}
