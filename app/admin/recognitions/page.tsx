import Link from 'next/link';
import type { Metadata } from 'next';
import { getPickerOptions, listRecognitions } from '@/lib/data/catalog';
import { DeleteButton, RecognitionForm } from '@/components/admin/catalog-forms';
import { RECOGNITION_LEVEL_LABELS } from '@/lib/validations/places';
import s from '@/components/admin/admin.module.css';

export const metadata: Metadata = { title: '荣誉 · 管理' };
export const dynamic = 'force-dynamic';

export default async function RecognitionsPage({ searchParams }: { searchParams: Promise<{ edit?: string }> }) {
  const { edit } = await searchParams;
  const [rows, options] = await Promise.all([listRecognitions(), getPickerOptions()]);
  const row = rows.find((r) => String(r.id) === edit) ?? null;
  return (
    <>
      <div className={s.head}>
        <h1>荣誉与称号</h1>
        <span className={s.muted}>{rows.length} 条 · <Link href="/admin/recognitions">添加</Link></span>
      </div>
      <RecognitionForm row={row} parks={options.parks} regions={options.regions} />
      <section className={s.card}>
        <div className={s.tableWrap}>
          <table className={s.table}>
            <thead><tr><th>年份</th><th>获得者</th><th>称号</th><th>级别</th><th className={s.hideSm}>来源</th><th></th></tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>{r.year}</td>
                  <td>{r.subject}</td>
                  <td>{r.title}</td>
                  <td>{RECOGNITION_LEVEL_LABELS[r.level]}</td>
                  <td className={s.hideSm}>{r.articleId ? <Link href={`/admin/articles/${r.articleId}`}>{r.headline}</Link> : '—'}</td>
                  <td><div className={s.row}>
                    <Link className={s.btn} href={`/admin/recognitions?edit=${r.id}`}>编辑</Link>
                    <DeleteButton kind="recognition" id={r.id} label={r.title} />
                  </div></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
