'use client';
// The header's user menu. The page around it may come from the page cache (lib/page-cache), shared
// by every user of the same role, so the server renders only the role; the account's own name is
// asked for from /api/me once per browser tab (TanStack Query; sign-out reloads the page).
import { useQuery } from '@tanstack/react-query';
import type { Role } from '@/lib/auth/roles';

interface Me {
  username: string;
  displayName: string;
  role: Role;
}

async function fetchMe(): Promise<Me> {
  const res = await fetch('/api/me', { headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error(`/api/me: ${res.status}`);
  return (await res.json()) as Me;
}

export function UserMenu({
  roleLabel,
  menuLabel,
  signOutLabel,
  signOut,
}: {
  roleLabel: string;
  menuLabel: string;
  signOutLabel: string;
  signOut: () => Promise<void>;
}) {
  const { data: me } = useQuery({ queryKey: ['me'], queryFn: fetchMe, staleTime: Infinity, retry: 1 });
  return (
    <details className="user-menu">
      <summary>
        <span className="avatar" aria-hidden="true">
          {(me?.username ?? roleLabel).slice(0, 1).toUpperCase()}
        </span>
        <span className="sr-only">{menuLabel}: </span>
        {/* The role in the reader's language: demo accounts' display names are Chinese role
            descriptions (领导查看), the wrong words in the English UI. */}
        <span className="user-name">{roleLabel}</span>
      </summary>
      <div className="user-menu-panel">
        <p>
          <strong data-testid="user-display-name">{me?.displayName ?? '…'}</strong>
          <br />
          <span className="muted">
            {me ? `${me.username} · ` : ''}
            {roleLabel}
          </span>
        </p>
        <form action={signOut}>
          <button type="submit" className="button">
            {signOutLabel}
          </button>
        </form>
      </div>
    </details>
  );
}
