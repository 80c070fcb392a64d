// 总览主要指标 (admins only): which metrics head each dashboard (overview, wall), in order.
import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth';
import { getHeadlineAdmin } from '@/lib/data/headline';
import { getMetrics } from '@/lib/data/metrics-view';
import { getDictionary } from '@/lib/i18n/server';
import { localName } from '@/lib/i18n/dictionaries';
import { promisesDictionary } from '@/lib/i18n/promises';
import { HEADLINE_DASHBOARDS } from '@/lib/validations/headline';
import { UNCLASSIFIED_KEY } from '@/lib/extract/catalog';
import { HeadlineForm } from '@/components/admin/headline-form';
import '../../login/forms.css';

export async function generateMetadata(): Promise<Metadata> {
  const { lang } = await getDictionary();
  return { title: promisesDictionary(lang).headline.title };
}

export default async function HeadlinePage() {
  await requireUser('admin');
  const [{ lang }, views, metrics] = await Promise.all([getDictionary(), getHeadlineAdmin(HEADLINE_DASHBOARDS), getMetrics()]);
  const words = promisesDictionary(lang).headline;
  const options = metrics
    .filter((m) => m.key !== UNCLASSIFIED_KEY)
    .map((m) => ({ id: m.id, label: `${localName(lang, m.nameZh, m.nameEn)}（${m.key}）` }))
    .sort((a, b) => a.label.localeCompare(b.label, 'zh'));
  return (
    <div className="stack">
      <h1 className="page-title">{words.title}</h1>
      <p className="muted">{words.intro}</p>
      {views.map((v) => (
        <section key={v.dashboard} className="panel" aria-labelledby={`headline-${v.dashboard}`}>
          <h2 id={`headline-${v.dashboard}`}>{words.dashboard[v.dashboard]}</h2>
          {v.savedAt ? (
            <p className="muted">
              {new Date(v.savedAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai', hour12: false })}
              {v.savedBy ? ` · ${v.savedBy}` : ''}
            </p>
          ) : null}
          <HeadlineForm dashboard={v.dashboard} initial={v.chosen.map((m) => m.id)} options={options} words={words} />
        </section>
      ))}
    </div>
  );
}
