'use client';
// Section links of the admin area; the current one is marked for screen readers and the eye.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import s from './admin.module.css';

const LINKS = [
  ['/admin', '管理首页'],
  ['/admin/import', '导入'],
  ['/admin/issues', '期次'],
  ['/admin/review', '审核'],
  ['/admin/facts/new', '手工录入'],
  ['/admin/figures', '冲突/待归类'],
  ['/admin/metrics', '指标'],
  ['/admin/headline', '主要指标'],
  ['/admin/scorecard', '五好指标'],
  ['/admin/places', '园区/区县'],
  ['/admin/recognitions', '荣誉'],
  ['/admin/users', '用户'],
  ['/admin/audit', '审计日志'],
] as const;

export function AdminNav() {
  const path = usePathname();
  return (
    <nav aria-label="管理">
      <ul className={s.nav}>
        {LINKS.map(([href, label]) => {
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
