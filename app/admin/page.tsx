import Link from 'next/link';
import type { Metadata } from 'next';
import { getAdminCounts } from '@/lib/data/review';
import { adminDictionary } from '@/lib/i18n/admin';
import { getLang } from '@/lib/i18n/server';
import s from '@/components/admin/admin.module.css';

export async function generateMetadata(): Promise<Metadata> {
  return { title: adminDictionary(await getLang()).titles.home };
}
export const dynamic = 'force-dynamic';

export default async function AdminHome() {
  const [c, lang] = await Promise.all([getAdminCounts(), getLang()]);
  const t = adminDictionary(lang).home;
  return (
    <>
      <div className={s.head}>
        <h1>{t.title}</h1>
        <span className={s.muted}>{t.intro}</span>
      </div>
      <div className={s.stats}>
        <Link className={s.stat} href="/admin/review?status=draft"><span className={s.muted}>{t.drafts}</span><b>{c.drafts}</b></Link>
        <Link className={s.stat} href="/admin/review?status=approved"><span className={s.muted}>{t.approved}</span><b>{c.approved}</b></Link>
        <Link className={s.stat} href="/admin/review?status=rejected"><span className={s.muted}>{t.rejected}</span><b>{c.rejected}</b></Link>
        <Link className={s.stat} href="/admin/import"><span className={s.muted}>{t.issues}</span><b>{c.issues}</b></Link>
        <Link className={s.stat} href="/admin/metrics"><span className={s.muted}>{t.metrics}</span><b>{c.metrics}</b></Link>
        <Link className={s.stat} href="/admin/places"><span className={s.muted}>{t.parks}</span><b>{c.parks}</b></Link>
      </div>
      <section className={s.card}>
        <h2>{t.recent}</h2>
        {c.recentImports.length === 0 ? (
          <p className={s.muted}>{t.none}<Link href="/admin/import">{t.importFirst}</Link></p>
        ) : (
          <div className={s.tableWrap}>
            <table className={s.table}>
              <thead><tr><th>{t.publication}</th><th>{t.date}</th><th>{t.page}</th><th className={s.num}>{t.pending}</th><th className={s.num}>{t.total}</th><th></th></tr></thead>
              <tbody>
                {c.recentImports.map((i) => (
                  <tr key={i.id}>
                    <td>{i.publication}</td><td>{i.date}</td><td>{i.page ?? '—'}</td>
                    <td className={s.num}>{i.drafts}</td><td className={s.num}>{i.total}</td>
                    <td><Link href={`/admin/review?issue=${i.id}`}>{t.review}</Link></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
