import type { Role } from './roles';

/** The authenticated user of a request (`@CurrentUser()`). */
export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  /** the user's own agency */
  agencyId: string;
  /** own agency + its whole subtree (市局 → 分局 …): the cases this user may see */
  agencyIds: string[];
  /** the session this request was authenticated with */
  sessionId?: string;
}

/** The `user` object of login and GET /api/auth/me. */
export interface PublicUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  agency: { id: string; name: string };
}
