'use client';
// Section links of the admin area; the current one is marked for screen readers and the eye.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { adminDictionary } from '@/lib/i18n/admin';
import type { Lang } from '@/lib/i18n/dictionaries';
import s from './admin.module.css';

const LINKS = [
  ['/admin', 'home'],
  ['/admin/import', 'import'],
  ['/admin/issues', 'issues'],
  ['/admin/review', 'review'],
  ['/admin/facts/new', 'facts'],
  ['/admin/figures', 'figures'],
  ['/admin/metrics', 'metrics'],
  ['/admin/headline', 'headline'],
  ['/admin/scorecard', 'scorecard'],
  ['/admin/places', 'places'],
  ['/admin/recognitions', 'recognitions'],
  ['/admin/users', 'users'],
  ['/admin/audit', 'audit'],
] as const;

export function AdminNav({ lang = 'zh' }: { lang?: Lang }) {
  const path = usePathname();
  const t = adminDictionary(lang).nav;
  return (
    <nav aria-label={t.label}>
      <ul className={s.nav}>
        {LINKS.map(([href, key]) => {
          const label = t[key];
          const current = href === '/admin' ? path === '/admin' : path.startsWith(href);
          return (
            <li key={href}>
              <Link href={href} aria-current={current ? 'page' : undefined} prefetch={false}>{label}</Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
