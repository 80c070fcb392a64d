// Reads for the user-administration page.
import 'server-only';
import { requireRole } from '@/lib/auth/dal';
import { getPrisma } from '@/lib/db';
import type { Role } from '@/lib/auth/roles';

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  version: number;
  lastLoginAt: string | null;
  createdAt: string;
  activeSessions: number;
}

export async function listUsers(): Promise<UserRow[]> {
  await requireRole('admin');
  const prisma = await getPrisma();
  const now = new Date();
  const users = await prisma.user.findMany({
    orderBy: [{ active: 'desc' }, { username: 'asc' }],
    select: {
      id: true,
      username: true,
      displayName: true,
      role: true,
      active: true,
      version: true,
      lastLoginAt: true,
      createdAt: true,
      _count: { select: { sessions: { where: { expiresAt: { gt: now } } } } },
    },
  });
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as Role,
    active: u.active,
    version: u.version,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
    activeSessions: u._count.sessions,
  }));
}

/** id + name of every user, for the audit page's user filter. */
export async function listUserNames(): Promise<{ id: number; username: string; displayName: string }[]> {
  await requireRole('admin');
  const prisma = await getPrisma();
  return prisma.user.findMany({ orderBy: { username: 'asc' }, select: { id: true, username: true, displayName: true } });
}
