import Link from 'next/link';
import type { Metadata } from 'next';
import { getPickerOptions, listPlaces } from '@/lib/data/catalog';
import { DeleteButton, ParkForm, RegionForm } from '@/components/admin/catalog-forms';
import { adminDictionary } from '@/lib/i18n/admin';
import { fill } from '@/lib/i18n/dictionaries';
import { getLang } from '@/lib/i18n/server';
import s from '@/components/admin/admin.module.css';

export async function generateMetadata(): Promise<Metadata> {
  return { title: adminDictionary(await getLang()).titles.places };
}
export const dynamic = 'force-dynamic';

export default async function PlacesPage({ searchParams }: { searchParams: Promise<{ park?: string; region?: string }> }) {
  const sp = await searchParams;
  const [{ parks, regions }, options, lang] = await Promise.all([listPlaces(), getPickerOptions(), getLang()]);
  const { catalog: c, common } = adminDictionary(lang);
  const park = parks.find((p) => String(p.id) === sp.park) ?? null;
  const region = regions.find((r) => String(r.id) === sp.region) ?? null;
  return (
    <>
      <div className={s.head}>
        <h1>{c.placesTitle}</h1>
        <span className={s.muted}>{c.placesIntro} · <Link href="/admin/places">{common.create}</Link></span>
      </div>
      <ParkForm park={park} regions={options.regions} parks={options.parks} lang={lang} />
      <section className={s.card} aria-labelledby="parks-h">
        <h2 id="parks-h">{fill(c.parks, { n: parks.length })}</h2>
        <div className={s.tableWrap}>
          <table className={s.table}>
            <thead><tr><th>{c.shortName}</th><th className={s.hideSm}>{c.officialName}</th><th>{c.aliasesShort}</th><th>{common.level}</th><th>{c.parkRegion}</th><th>{c.parentPark}</th><th>{c.subparks}</th><th className={s.num}>{common.facts}</th><th></th></tr></thead>
            <tbody>
              {parks.map((p) => (
                <tr key={p.id}>
                  <td>{p.name}</td>
                  <td className={s.hideSm}>{p.officialName ?? '—'}</td>
                  <td>{p.aliases.join(common.listSep) || '—'}</td>
                  <td>{c.parkLevels[p.level] ?? p.level}</td>
                  <td>{p.regionName}</td>
                  <td>{p.parentId !== null ? <Link href={`/admin/places?park=${p.parentId}`}>{p.parentName}</Link> : '—'}</td>
                  <td>
                    {p.subparks.length === 0
                      ? '—'
                      : p.subparks.map((c, i) => (
                          <span key={c.id}>{i > 0 && common.listSep}<Link href={`/admin/places?park=${c.id}`}>{c.name}</Link></span>
                        ))}
                  </td>
                  <td className={s.num}>{p.facts}</td>
                  <td><div className={s.row}>
                    <Link className={s.btn} href={`/admin/places?park=${p.id}`}>{common.edit}</Link>
                    <DeleteButton kind="park" id={p.id} label={p.name} lang={lang} />
                  </div></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <RegionForm region={region} regions={options.regions} lang={lang} />
      <section className={s.card} aria-labelledby="regions-h">
        <h2 id="regions-h">{fill(c.regions, { n: regions.length })}</h2>
        <div className={s.tableWrap}>
          <table className={s.table}>
            <thead><tr><th>{common.code}</th><th>{common.name}</th><th>{c.aliasesShort}</th><th>{common.level}</th><th>{c.parentShort}</th><th></th></tr></thead>
            <tbody>
              {regions.map((r) => (
                <tr key={r.id}>
                  <td><code>{r.code}</code></td>
                  <td>{r.name}</td>
                  <td>{r.aliases.join(common.listSep) || '—'}</td>
                  <td>{c.regionLevels[r.level] ?? r.level}</td>
                  <td>{r.parentName ?? '—'}</td>
                  <td><div className={s.row}>
                    <Link className={s.btn} href={`/admin/places?region=${r.id}`}>{common.edit}</Link>
                    <DeleteButton kind="region" id={r.id} label={r.name} lang={lang} />
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
