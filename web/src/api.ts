/**
 * The one HTTP client of the app: JSON in and out, the session cookie (same origin) or a bearer token, and the
 * API's error shape `{ statusCode, code, message, errors: [{ path, code, message }] }` as an ApiError.
 * Types come from the server's own modules (type-only imports: nothing of the server is bundled).
 */
export type { Finding, PassedCheck, ReviewResult, SkippedCheck, UpcomingDeadline, NextDocument } from '../../src/core/engine/types';
export type { ScoreResult, CategoryScore } from '../../src/core/scoring/types';
export type { CaseFile, CaseDocument, Party, Officer, EducationRecord, FileIndexEntry } from '../../src/core/case-file/types';
export type { Vocabulary, LabeledValue, HolidayYear, MarkedDay, WorkdaysBetween } from '../../src/web/vocabulary';
export type { CaseScore } from '../../src/web/scores';
export type { EvaluationView, EvaluationSummary } from '../../src/evaluations/evaluations.service';
export type { EvaluationResults, EvaluatedFileRow } from '../../src/core/evaluation/types';
export type { StoredReview } from '../../src/review/review.service';
export type { CaseRecord, CaseList } from '../../src/cases/cases.service';
export type { CaseListItem, DeadlineView } from '../../src/cases/case-summary.service';

export interface ApiIssue {
  path: string;
  code: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly errors: ApiIssue[] = [],
  ) {
    super(message);
  }
}

/** times a GET answered 503 (busy, or storage recovering) is asked again, Retry-After seconds apart (at most 5 s) */
const BUSY_RETRIES = 3;

let bearer: string | undefined;
/** A token from POST /api/auth/login, for clients that cannot keep the httpOnly cookie (kept in memory only). */
export function setBearer(token: string | undefined): void {
  bearer = token;
}

export async function request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  // referrerPolicy: the page is served with Referrer-Policy: no-referrer (helmet), under which a browser sends
  // `Origin: null` on writes; the API refuses cookie-authenticated writes without a same-site Origin (CSRF check).
  const init: RequestInit = { method, credentials: 'same-origin', referrerPolicy: 'same-origin', headers: { Accept: 'application/json', ...headers } };
  if (bearer) (init.headers as Record<string, string>).Authorization = `Bearer ${bearer}`;
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let res = await fetch(`/api${path}`, init);
  // A busy instance asks a list read to come back shortly (503 SERVICE_BUSY, Retry-After): a read is safe to repeat,
  // so the page waits and asks again a few times before it shows the error.
  for (let retry = 1; method === 'GET' && res.status === 503 && retry <= BUSY_RETRIES; retry++) {
    const after = Number.parseFloat(res.headers.get('Retry-After') ?? '');
    await res.body?.cancel();
    await new Promise((resolve) => setTimeout(resolve, 1000 * Math.min(5, Number.isFinite(after) && after > 0 ? after : retry)));
    res = await fetch(`/api${path}`, init);
  }
  const text = await res.text();
  const data = text ? safeJson(text) : undefined;
  if (!res.ok) {
    const e = (data ?? {}) as Partial<{ code: string; message: string; errors: ApiIssue[] }>;
    throw new ApiError(res.status, e.code ?? `HTTP_${res.status}`, e.message ?? `请求失败（${res.status}）`, e.errors ?? []);
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { message: text.slice(0, 200) };
  }
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown, headers?: Record<string, string>) => request<T>('PUT', path, body, headers),
  del: <T>(path: string) => request<T>('DELETE', path),
};

/** `{ a: 1, b: undefined }` → `?a=1` */
export function qs(params: Record<string, string | number | boolean | undefined | null>): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') s.set(k, String(v));
  const out = s.toString();
  return out ? `?${out}` : '';
}

/** `documents[3].service.servedOn` → ['documents', 3, 'service', 'servedOn'] (antd Form name path) */
export function issuePath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? +m[2] : m[1]);
  return out;
}
