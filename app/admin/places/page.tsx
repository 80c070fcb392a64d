import Link from 'next/link';
import type { Metadata } from 'next';
import { getPickerOptions, listPlaces } from '@/lib/data/catalog';
import { DeleteButton, ParkForm, RegionForm } from '@/components/admin/catalog-forms';
import { PARK_LEVEL_LABELS, REGION_LEVEL_LABELS } from '@/lib/validations/places';
import s from '@/components/admin/admin.module.css';

export const metadata: Metadata = { title: '园区/区县 · 管理' };
export const dynamic = 'force-dynamic';

export default async function PlacesPage({ searchParams }: { searchParams: Promise<{ park?: string; region?: string }> }) {
  const sp = await searchParams;
  const [{ parks, regions }, options] = await Promise.all([listPlaces(), getPickerOptions()]);
  const park = parks.find((p) => String(p.id) === sp.park) ?? null;
  const region = regions.find((r) => String(r.id) === sp.region) ?? null;
  return (
    <>
      <div className={s.head}>
        <h1>园区与区县</h1>
        <span className={s.muted}>别名用于从文章中识别主体 · <Link href="/admin/places">新建</Link></span>
      </div>
      <ParkForm park={park} regions={options.regions} parks={options.parks} />
      <section className={s.card} aria-labelledby="parks-h">
        <h2 id="parks-h">园区（{parks.length}）</h2>
        <div className={s.tableWrap}>
          <table className={s.table}>
            <thead><tr><th>简称</th><th className={s.hideSm}>正式名称</th><th>别名</th><th>级别</th><th>所在区县</th><th>上级园区</th><th>子园区</th><th className={s.num}>数据</th><th></th></tr></thead>
            <tbody>
              {parks.map((p) => (
                <tr key={p.id}>
                  <td>{p.name}</td>
                  <td className={s.hideSm}>{p.officialName ?? '—'}</td>
                  <td>{p.aliases.join('、') || '—'}</td>
                  <td>{PARK_LEVEL_LABELS[p.level]}</td>
                  <td>{p.regionName}</td>
                  <td>{p.parentId !== null ? <Link href={`/admin/places?park=${p.parentId}`}>{p.parentName}</Link> : '—'}</td>
                  <td>
                    {p.subparks.length === 0
                      ? '—'
                      : p.subparks.map((c, i) => (
                          <span key={c.id}>{i > 0 && '、'}<Link href={`/admin/places?park=${c.id}`}>{c.name}</Link></span>
                        ))}
                  </td>
                  <td className={s.num}>{p.facts}</td>
                  <td><div className={s.row}>
                    <Link className={s.btn} href={`/admin/places?park=${p.id}`}>编辑</Link>
                    <DeleteButton kind="park" id={p.id} label={p.name} />
                  </div></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <RegionForm region={region} regions={options.regions} />
      <section className={s.card} aria-labelledby="regions-h">
        <h2 id="regions-h">行政区划（{regions.length}）</h2>
        <div className={s.tableWrap}>
          <table className={s.table}>
            <thead><tr><th>代码</th><th>名称</th><th>别名</th><th>级别</th><th>上级</th><th></th></tr></thead>
            <tbody>
              {regions.map((r) => (
                <tr key={r.id}>
                  <td><code>{r.code}</code></td>
                  <td>{r.name}</td>
                  <td>{r.aliases.join('、') || '—'}</td>
                  <td>{REGION_LEVEL_LABELS[r.level]}</td>
                  <td>{r.parentName ?? '—'}</td>
                  <td><div className={s.row}>
                    <Link className={s.btn} href={`/admin/places?region=${r.id}`}>编辑</Link>
                    <DeleteButton kind="region" id={r.id} label={r.name} />
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
