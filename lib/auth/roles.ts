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

/** Pages anyone may open. Everything else needs a session. */
const PUBLIC_PAGES = ['/login'];
/** Minimum role by path prefix (first match); any other page needs a viewer. Mirrors the layouts. */
const PATH_ROLES: [prefix: string, role: Role][] = [
  ['/admin', 'admin'],
  ['/explorer', 'analyst'],
];

function under(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

/** The role a page path needs (proxy.ts, and the PDF export checking the page it renders). */
export function requiredRole(pathname: string): Role | 'public' {
  if (PUBLIC_PAGES.some((p) => under(pathname, p))) return 'public';
  return PATH_ROLES.find(([p]) => under(pathname, p))?.[1] ?? 'viewer';
}
