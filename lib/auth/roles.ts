// Roles and their order. Client-safe (no server imports) so forms and menus can use it too.
export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 };

/** True when `role` is at least `minRole` (viewer < analyst < admin). */
export function hasRole(role: Role, minRole: Role): boolean {
  return RANK[role] >= RANK[minRole];
}

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
}
