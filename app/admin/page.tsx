import Link from 'next/link';
import type { Metadata } from 'next';
import { getAdminCounts } from '@/lib/data/review';
import s from '@/components/admin/admin.module.css';

export const metadata: Metadata = { title: '管理 · 湘潭日报数据' };
export const dynamic = 'force-dynamic';

export default async function AdminHome() {
  const c = await getAdminCounts();
  return (
    <>
      <div className={s.head}>
        <h1>管理</h1>
        <span className={s.muted}>导入报纸 → 审核数据 → 看板只显示已批准的数据</span>
      </div>
      <div className={s.stats}>
        <Link className={s.stat} href="/admin/review?status=draft"><span className={s.muted}>待审数据</span><b>{c.drafts}</b></Link>
        <Link className={s.stat} href="/admin/review?status=approved"><span className={s.muted}>已批准</span><b>{c.approved}</b></Link>
        <Link className={s.stat} href="/admin/review?status=rejected"><span className={s.muted}>已驳回</span><b>{c.rejected}</b></Link>
        <Link className={s.stat} href="/admin/import"><span className={s.muted}>已导入期次</span><b>{c.issues}</b></Link>
        <Link className={s.stat} href="/admin/metrics"><span className={s.muted}>指标</span><b>{c.metrics}</b></Link>
        <Link className={s.stat} href="/admin/places"><span className={s.muted}>园区</span><b>{c.parks}</b></Link>
      </div>
      <section className={s.card}>
        <h2>最近导入</h2>
        {c.recentImports.length === 0 ? (
          <p className={s.muted}>还没有导入任何报纸。<Link href="/admin/import">导入第一期</Link></p>
        ) : (
          <div className={s.tableWrap}>
            <table className={s.table}>
              <thead><tr><th>报纸</th><th>日期</th><th>版面</th><th className={s.num}>待审</th><th className={s.num}>全部</th><th></th></tr></thead>
              <tbody>
                {c.recentImports.map((i) => (
                  <tr key={i.id}>
                    <td>{i.publication}</td><td>{i.date}</td><td>{i.page ?? '—'}</td>
                    <td className={s.num}>{i.drafts}</td><td className={s.num}>{i.total}</td>
                    <td><Link href={`/admin/review?issue=${i.id}`}>审核</Link></td>
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
