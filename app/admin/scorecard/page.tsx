// Which catalogue metrics are the indicators of each 五好 dimension, in order (/scorecard reads it).
import Link from 'next/link';
import type { Metadata } from 'next';
import { getScorecardAdmin } from '@/lib/data/scorecard';
import { DimensionEditor } from '@/components/admin/scorecard-forms';
import type { ScorecardAdminView } from '@/lib/data/scorecard';
import { adminDictionary, type AdminDictionary } from '@/lib/i18n/admin';
import { categoryLabel, fill, localName, type Lang } from '@/lib/i18n/dictionaries';
import { getLang } from '@/lib/i18n/server';
import s from '@/components/admin/admin.module.css';

export async function generateMetadata(): Promise<Metadata> {
  return { title: adminDictionary(await getLang()).titles.scorecard };
}
export const dynamic = 'force-dynamic';

/** Choices for a dimension: unassigned metrics by category, then metrics of other dimensions (moved when chosen). */
function choicesFor(view: ScorecardAdminView, dimensionId: number, lang: Lang, t: AdminDictionary['scorecard']): { id: number; label: string; group: string }[] {
  const paren = (x: string) => (lang === 'en' ? ` (${x})` : `（${x}）`);
  const dimName = (d: ScorecardAdminView['dimensions'][number]) => localName(lang, d.nameZh, d.nameEn);
  const free = view.unassigned.map((m) => ({ id: m.id, label: `${m.nameZh}${paren(m.key)}`, group: fill(t.free, { category: categoryLabel(lang, m.category) }) }));
  const others = view.dimensions
    .filter((d) => d.id !== dimensionId)
    .flatMap((d) => d.indicators.map((i) => ({ id: i.metricId, label: fill(t.inOther, { name: i.nameZh, dimension: dimName(d) }), group: fill(t.fromOther, { dimension: dimName(d) }) })));
  return [...free, ...others];
}

export default async function ScorecardAdminPage() {
  const [view, lang] = await Promise.all([getScorecardAdmin(), getLang()]);
  const t = adminDictionary(lang).scorecard;
  const total = view.dimensions.reduce((n, d) => n + d.indicators.length, 0);
  return (
    <>
      <div className={s.head}>
        <h1>{t.title}</h1>
        <span className={s.muted}>
          {fill(t.summary, { dims: view.dimensions.length, n: total })}<Link href="/scorecard">{t.view}</Link>
        </span>
      </div>
      <p className={s.muted}>{t.intro}</p>
      {view.dimensions.map((d) => (
        <DimensionEditor key={d.id} dimension={d} choices={choicesFor(view, d.id, lang, t)} lang={lang} />
      ))}
    </>
  );
}
