import { route } from '@/lib/api/route';

export const dynamic = 'force-dynamic';

/**
 * The signed-in user's name and role, for the header's user menu. Dashboard pages are served from
 * the page cache (lib/page-cache) to every user of the same role, so they carry no user's name:
 * the menu asks for it here.
 */
export const GET = route({ role: 'viewer' }, ({ user }) =>
  Response.json(
    { username: user!.username, displayName: user!.displayName, role: user!.role },
    { headers: { 'Cache-Control': 'private, no-store' } },
  ),
);
