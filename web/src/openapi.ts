/**
 * What the running API offers, read from its OpenAPI document (/api/docs-json): which list filters GET /api/cases
 * accepts, which review modes exist, whether login, workbook import or the deadline query are there. Screens show
 * a feature only when the API documents it, so the app follows the server as endpoints land.
 */
import { useQuery } from '@tanstack/react-query';
import { api } from './api';

interface OpenApiParameter {
  name: string;
  in: string;
  schema?: { enum?: string[] };
  description?: string;
}
interface OpenApiOperation {
  parameters?: OpenApiParameter[];
}
export interface OpenApiDoc {
  paths: Record<string, Record<string, OpenApiOperation>>;
}

export interface ApiFeatures {
  has(method: string, path: string): boolean;
  queryParams(method: string, path: string): string[];
  queryEnum(method: string, path: string, name: string): string[] | undefined;
}

export function features(doc: OpenApiDoc | undefined): ApiFeatures {
  const op = (method: string, path: string) => doc?.paths?.[`/api${path}`]?.[method.toLowerCase()];
  return {
    has: (m, p) => op(m, p) !== undefined,
    queryParams: (m, p) => (op(m, p)?.parameters ?? []).filter((x) => x.in === 'query').map((x) => x.name),
    queryEnum: (m, p, name) => op(m, p)?.parameters?.find((x) => x.in === 'query' && x.name === name)?.schema?.enum,
  };
}

export function useApiFeatures(): ApiFeatures {
  const q = useQuery({ queryKey: ['openapi'], queryFn: () => api.get<OpenApiDoc>('/docs-json'), staleTime: Infinity, retry: false });
  return features(q.data);
}
