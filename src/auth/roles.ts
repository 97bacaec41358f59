/**
 * The four roles. A user may hold several.
 * - officer          承办人: own agency's cases; create and edit drafts; self-check
 * - reviewer         法制审核 / 评查人员: review, rule on findings, sign
 * - evaluation_admin 评查组织者: evaluations across agencies
 * - admin            系统管理员: users and agencies
 */
export const ROLES = ['officer', 'reviewer', 'evaluation_admin', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  officer: '承办人',
  reviewer: '法制审核/评查人员',
  evaluation_admin: '评查组织者',
  admin: '系统管理员',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
