/**
 * The acting user as the auth contract's `@CurrentUser()` gives it (AuthUser: id, username, displayName, roles,
 * agencyId, agencyIds). The services here read only these fields; routes are restricted with `@Roles(...)`, and
 * the services check the role again where the law of the workflow says who may act (only reviewers rule).
 */
import type { AuthUser } from '../auth/auth-user';
import { ROLE_LABELS, type Role } from '../auth/roles';
import { apiError } from '../common/errors';
import type { Actor } from '../core/adjudication';
import type { AuditService } from '../audit/audit.service';

export interface ActingUser {
  id: string;
  username?: string;
  displayName: string;
  roles: readonly string[];
  agencyId?: string;
  agencyIds?: readonly string[];
}

export const REVIEWER_ROLES = ['reviewer', 'admin'] as const;

/** The user as the audit log records it. */
export function auditUser(u: ActingUser): Pick<AuthUser, 'id' | 'username' | 'agencyId' | 'roles'> {
  return { id: u.id, username: u.username ?? u.displayName, agencyId: u.agencyId ?? '', roles: u.roles as Role[] };
}

/** one entry of the audit log, written as the acting user (rulings, sign-offs, evaluation-task steps …) */
export function recordAs(
  audit: AuditService,
  user: ActingUser,
  entry: { action: string; entityType: string; entityId: string; caseId?: string; before?: unknown; after?: unknown },
): Promise<void> {
  return audit.record({ ...entry, caseId: entry.caseId ?? null, user: auditUser(user) });
}

export function actorOf(u: ActingUser): Actor {
  return { id: u.id, name: u.displayName };
}

export function hasRole(u: ActingUser, roles: readonly string[]): boolean {
  return u.roles.some((r) => roles.includes(r));
}

/** 403 FORBIDDEN with what the action needs. */
export function requireRole(u: ActingUser, roles: readonly string[], action: string): void {
  if (!hasRole(u, roles)) throw apiError(403, 'FORBIDDEN', `${action}须由${roles.map(roleLabel).join('或')}进行`);
}

export function roleLabel(r: string): string {
  return (ROLE_LABELS as Record<string, string>)[r] ?? r;
}
