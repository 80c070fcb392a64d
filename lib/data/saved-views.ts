// The signed-in analyst's own saved explorer views (never anybody else's).
import 'server-only';
import { requireRole } from '@/lib/auth/dal';
import { getPrisma } from '@/lib/db';

export interface SavedViewItem {
  id: number;
  name: string;
  query: string;
  isStart: boolean;
  updatedAt: string;
}

export async function listSavedViews(): Promise<SavedViewItem[]> {
  const caller = await requireRole('analyst');
  if (caller.kind !== 'user') return [];
  const prisma = await getPrisma();
  const rows = await prisma.savedView.findMany({
    where: { userId: caller.user.id },
    select: { id: true, name: true, query: true, isStart: true, updatedAt: true },
    orderBy: [{ isStart: 'desc' }, { name: 'asc' }],
  });
  return rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() }));
}

/** The query string of the caller's start view, or null. */
export async function getStartView(): Promise<string | null> {
  const caller = await requireRole('analyst');
  if (caller.kind !== 'user') return null;
  const prisma = await getPrisma();
  const row = await prisma.savedView.findFirst({
    where: { userId: caller.user.id, isStart: true },
    select: { query: true },
  });
  return row?.query ?? null;
}
