import { useQuery } from '@tanstack/react-query';
import { api, type HolidayYear, type Vocabulary } from './api';

/** Labels from GET /api/vocabulary — the app keeps no copy of them. */
export function useVocabulary(): Vocabulary | undefined {
  return useQuery({ queryKey: ['vocabulary'], queryFn: () => api.get<Vocabulary>('/vocabulary'), staleTime: Infinity }).data;
}

export function labelOf(list: { value: string; label: string }[] | undefined, value: string | undefined): string {
  if (value === undefined) return '';
  return list?.find((x) => x.value === value)?.label ?? value;
}

export function useHolidayYear(year: number | undefined) {
  return useQuery({
    queryKey: ['holidays', year],
    queryFn: () => api.get<HolidayYear>(`/vocabulary/holidays/${year}`),
    enabled: year !== undefined,
    staleTime: Infinity,
  });
}

export const SEVERITY_COLORS: Record<string, string> = { veto: 'magenta', error: 'red', warning: 'orange', info: 'blue' };
