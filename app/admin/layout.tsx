import type { ReactNode } from 'react';
import { requireUser } from '@/lib/auth';
import { getLang } from '@/lib/i18n/server';
import { AdminNav } from '@/components/admin/admin-nav';
import s from '@/components/admin/admin.module.css';

// Admin area: signed-out visitors go to /login, lower roles get 403. Every action re-checks too.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireUser('admin');
  return (
    <main className={s.page}>
      <AdminNav lang={await getLang()} />
      {children}
    </main>
  );
}
