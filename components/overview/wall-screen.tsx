'use client';
// The wall display: panels rotate every intervalMs; hovering, focusing or pressing Space pauses,
// ←/→ step through panels. Data is re-read from the server every five minutes.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { CountyRow, KpiCard, RankRow, TrendSeries } from '@/lib/data/overview';
import type { RecognitionItem } from '@/lib/data/regions';
import type { MetricRef } from '@/lib/vocab/shapes';
import { dictionary, fill, localName, type Lang } from '@/lib/i18n/dictionaries';
import { formatChange, formatDate, formatValue } from '@/lib/i18n/format';
import { SourcedChart } from '@/components/charts/sourced-chart';
import './wall.css';

export interface WallScreenProps {
  lang: Lang;
  intervalMs: number;
  year: number | null;
  asOf: string | null;
  kpis: KpiCard[];
  metric: MetricRef | null;
  ranking: RankRow[];
  trend: { years: number[]; series: TrendSeries[] };
  awards: { year: number; items: RecognitionItem[] }[];
  counties: CountyRow[];
}

/** Phones and small tablets: the wall scrolls as a page and its charts use a smaller font (wall.css has the same breakpoint). */
const NARROW = '(max-width: 900px)';
function subscribeNarrow(onChange: () => void): () => void {
  const mq = window.matchMedia(NARROW);
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
}

export function WallScreen(props: WallScreenProps) {
  const { lang, intervalMs, year, metric } = props;
  const t = dictionary(lang);
  const router = useRouter();
  const metricName = metric ? localName(lang, metric.nameZh, metric.nameEn) : '';
  const panels = [
    { id: 'kpis', title: t.overview.kpis },
    ...(metric && props.ranking.some((r) => r.actual) ? [{ id: 'ranking', title: `${t.overview.ranking} · ${metricName}` }] : []),
    ...(metric && props.trend.series.length > 0 ? [{ id: 'trend', title: `${t.overview.trends} · ${metricName}` }] : []),
    { id: 'awards', title: t.overview.awards },
    { id: 'counties', title: t.overview.counties },
  ];
  const chartFont = useSyncExternalStore(subscribeNarrow, () => (window.matchMedia(NARROW).matches ? 12 : 20), () => 20);
  const [index, setIndex] = useState(0);
  const [hover, setHover] = useState(false);
  const [paused, setPaused] = useState(false);
  const [now, setNow] = useState<Date | null>(null);
  const count = panels.length;
  const step = (d: number) => setIndex((i) => (i + d + count) % count);

  useEffect(() => {
    if (paused || hover) return;
    const timer = setInterval(() => setIndex((i) => (i + 1) % count), intervalMs);
    return () => clearInterval(timer);
  }, [paused, hover, intervalMs, count]);

  useEffect(() => {
    const tick = () => setNow(new Date());
    tick();
    const clock = setInterval(tick, 1000);
    const refresh = setInterval(() => router.refresh(), 5 * 60_000);
    return () => {
      clearInterval(clock);
      clearInterval(refresh);
    };
  }, [router]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === ' ' || e.key === 'Spacebar') {
        e.preventDefault();
        setPaused((p) => !p);
      } else if (e.key === 'ArrowRight') setIndex((i) => (i + 1) % count);
      else if (e.key === 'ArrowLeft') setIndex((i) => (i - 1 + count) % count);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [count]);

  const active = panels[index % count] ?? panels[0];
  return (
    <div className="wall" onMouseEnter={() => setHover(true)} onMouseLeave={() => setHover(false)}>
      <header className="wall-head">
        <div>
          <h1>{t.wall.title}</h1>
          <p>
            {year !== null ? fill(t.overview.subtitle, { year }) : t.noDataYear}
            {props.asOf ? ` · ${t.overview.asOf} ${formatDate(props.asOf, lang)}` : ''}
          </p>
        </div>
        <div className="wall-clock" aria-hidden="true" suppressHydrationWarning>
          {now ? now.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { hour12: false }) : ''}
        </div>
      </header>
      <section className="wall-panel" aria-live="polite" aria-label={active?.title}>
        <h2>{active?.title}</h2>
        <div className="wall-body">
          {active?.id === 'kpis' ? <WallKpis kpis={props.kpis} lang={lang} /> : null}
          {active?.id === 'ranking' && metric ? (
            <div className="wall-chart">
              <SourcedChart kind="ranking" rows={props.ranking} metric={metric} lang={lang} label={active.title} dark fontSize={chartFont} height="100%" />
            </div>
          ) : null}
          {active?.id === 'trend' && metric ? (
            <div className="wall-chart">
              <SourcedChart kind="trend" years={props.trend.years} series={props.trend.series} metric={metric} lang={lang} label={active.title} dark fontSize={chartFont} height="100%" />
            </div>
          ) : null}
          {active?.id === 'awards' ? <WallAwards awards={props.awards} lang={lang} /> : null}
          {active?.id === 'counties' ? <WallCounties rows={props.counties} lang={lang} /> : null}
        </div>
      </section>
      <footer className="wall-foot">
        <div className="wall-dots" role="tablist" aria-label={t.wall.title}>
          {panels.map((p, i) => (
            <button
              key={p.id}
              type="button"
              role="tab"
              aria-selected={i === index}
              aria-label={p.title}
              className={i === index ? 'on' : ''}
              onClick={() => setIndex(i)}
            />
          ))}
        </div>
        <div className="wall-controls">
          <button type="button" onClick={() => step(-1)} aria-label={t.wall.prev}>
            ‹
          </button>
          <button type="button" onClick={() => setPaused((p) => !p)} aria-pressed={paused}>
            {paused ? t.wall.play : t.wall.pause}
          </button>
          <button type="button" onClick={() => step(1)} aria-label={t.wall.next}>
            ›
          </button>
          {paused || hover ? <span className="wall-paused">{t.wall.paused}</span> : null}
          <Link prefetch={false} href="/">{t.nav.overview}</Link>
        </div>
        <span>{t.source}</span>
      </footer>
    </div>
  );
}

function WallKpis({ kpis, lang }: { kpis: KpiCard[]; lang: Lang }) {
  const t = dictionary(lang);
  if (kpis.length === 0) return <p className="wall-empty">{t.noDataYear}</p>;
  return (
    <ul className="wall-kpis">
      {kpis.map((k) => {
        const v = k.value === null ? null : formatValue(k.value, k.metric.unit, lang, k.comparator);
        const ch = k.value === null ? null : formatChange(k.value, k.previous, k.metric.unit, lang, k.metric.direction);
        const subject = k.basis === 'subject' && k.subjectName ? localName(lang, k.subjectName, k.subjectNameEn) : k.basis === 'parks_sum' ? t.overview.parksSum : t.overview.cityTotal;
        return (
          <li key={k.metric.id} title={v?.exact}>
            <span className="wk-name">{localName(lang, k.metric.nameZh, k.metric.nameEn)}</span>
            <span className="wk-subject">{subject}</span>
            <span className="wk-value">{v ? v.text : t.noData}</span>
            <span className="wk-meta">
              {t.overview.change} {ch ? ch.text : t.noData}
              {k.target !== null ? ` · ${t.overview.target} ${formatValue(k.target, k.metric.unit, lang, k.targetComparator).text}` : ''}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function WallAwards({ awards, lang }: { awards: { year: number; items: RecognitionItem[] }[]; lang: Lang }) {
  const t = dictionary(lang);
  if (awards.length === 0) return <p className="wall-empty">{t.noData}</p>;
  return (
    <div className="wall-awards">
      {awards.slice(0, 3).map((g) => (
        <section key={g.year}>
          <h3>{fill(t.overview.awardsOfYear, { year: g.year })}</h3>
          <ul>
            {g.items.map((a) => (
              <li key={a.id}>
                <strong>{localName(lang, a.subjectName, a.subjectNameEn)}</strong>
                <span>{a.title}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function WallCounties({ rows, lang }: { rows: CountyRow[]; lang: Lang }) {
  const t = dictionary(lang);
  return (
    <ul className="wall-counties">
      {rows.map((r) => (
        <li key={r.region?.code ?? 'city'}>
          <h3>{r.region ? localName(lang, r.region.name, r.region.nameEn) : t.overview.cityParks}</h3>
          <p className="wc-count">
            {r.figures > 0 ? r.figures : '—'}
            <small> {t.overview.factsCount}</small>
          </p>
          <p className="wc-parks">{r.parks.map((p) => localName(lang, p.park.name, p.park.nameEn)).join(' · ') || t.regionPage.noParks}</p>
          {r.awards > 0 ? <p className="wc-awards">★ {r.awards}</p> : null}
        </li>
      ))}
    </ul>
  );
}
