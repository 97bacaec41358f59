/**
 * The session, against the auth contract: GET /api/auth/me → the user (200), 401 → not logged in.
 * When the service has no /api/auth routes at all (404 ROUTE_NOT_FOUND), it runs without accounts and the app
 * works without a session; the login screen appears only once /api/auth/me exists.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from './api';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  agency: { id: string; name: string };
}

export type Session =
  | { state: 'loading' }
  | { state: 'no-auth' }
  | { state: 'anonymous' }
  | { state: 'user'; user: SessionUser };

export function useSession(): Session {
  const q = useQuery({
    queryKey: ['session'],
    queryFn: async (): Promise<Session> => {
      try {
        return { state: 'user', user: await api.get<SessionUser>('/auth/me') };
      } catch (e) {
        if (e instanceof ApiError && e.statusCode === 401) return { state: 'anonymous' };
        if (e instanceof ApiError && e.statusCode === 404) return { state: 'no-auth' };
        throw e;
      }
    },
    staleTime: Infinity,
  });
  return q.data ?? { state: 'loading' };
}

export function useSessionActions() {
  const qc = useQueryClient();
  return {
    async login(username: string, password: string): Promise<void> {
      await api.post<{ token: string; user: SessionUser }>('/auth/login', { username, password });
      // another user may see other agencies' cases: drop everything cached, refetch what is on screen
      await qc.resetQueries();
    },
    async logout(): Promise<void> {
      await api.post('/auth/logout');
      await qc.resetQueries();
    },
  };
}

/** 角色 names as the auth contract spells them. */
export const ROLE_LABELS: Record<string, string> = {
  officer: '承办人（执法人员）',
  reviewer: '法制审核',
  evaluation_admin: '评查管理',
  admin: '系统管理员',
};
