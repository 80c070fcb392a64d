'use client';
// Compare 2–6 parks or counties side by side: a table (metrics × places, each the latest
// whole-year figure with its year and source) and one chart per unit family, so money and rates
// never share an axis. The places and metrics are in the URL (places=, metrics=).
import { useMemo, useState } from 'react';
import Link from 'next/link';
import { EChart } from '@/components/charts/echart';
import type { ExplorerOptions, PlaceFigure } from '@/lib/data/explorer';
import {
  buildComparison,
  comparisonCharts,
  knownPlaces,
  MAX_COMPARE,
  MIN_COMPARE,
} from '@/lib/explorer/compare';
import { metricName } from '@/lib/explorer/pivot';
import { formatValue, unitLabel } from '@/lib/i18n/format';
import type { Lang } from '@/lib/i18n/dictionaries';
import { EXPLORER_LABELS } from './labels';

export function CompareView({
  lang,
  options,
  places,
  metrics,
  figures,
  filters,
  onChange,
}: {
  lang: Lang;
  options: ExplorerOptions | undefined;
  places: string[];
  metrics: string[];
  figures: PlaceFigure[] | undefined;
  filters: string[];
  onChange: (next: { places?: string[]; metrics?: string[] }) => void;
}) {
  const t = EXPLORER_LABELS[lang];
  const name = (zh: string, en: string | null) => (lang === 'en' && en ? en : zh);
  const choices = useMemo(() => {
    const out: { key: string; label: string }[] = [];
    for (const r of options?.regions ?? [])
      if (r.level === 'county') out.push({ key: `r:${r.code}`, label: name(r.name, r.nameEn) });
    for (const p of options?.parks ?? [])
      out.push({ key: `p:${p.id}`, label: name(p.name, p.nameEn) });
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [options, lang]);
  const labelOf = (key: string) => choices.find((c) => c.key === key)?.label ?? key;
  const [pick, setPick] = useState('');
  const known = useMemo(() => knownPlaces(options?.parks ?? [], options?.regions ?? []), [options]);
  const comparison = useMemo(
    () => (figures ? buildComparison(figures, places, lang, known) : null),
    [figures, places, lang, known],
  );
  const charts = useMemo(
    () => (comparison ? comparisonCharts(comparison, lang) : []),
    [comparison, lang],
  );
  const metricChoices = options?.metrics ?? [];

  return (
    <div className="compare">
      <p className="panel-note">{t.compareHint}</p>
      <fieldset className="compare-places">
        <legend>{t.comparePlaces}</legend>
        <ul className="chips">
          {places.map((p) => (
            <li key={p}>
              {labelOf(p)}{' '}
              <button
                type="button"
                className="link-button"
                aria-label={`${t.remove} ${labelOf(p)}`}
                onClick={() => onChange({ places: places.filter((x) => x !== p) })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        {places.length < MAX_COMPARE ? (
          <div className="page-controls">
            <label className="inline">
              <span className="sr-only">{t.comparePlaces}</span>
              <select
                aria-label={t.comparePlaces}
                value={pick}
                onChange={(e) => setPick(e.target.value)}
              >
                <option value="">—</option>
                {choices
                  .filter((c) => !places.includes(c.key))
                  .map((c) => (
                    <option key={c.key} value={c.key}>
                      {c.label}
                    </option>
                  ))}
              </select>
            </label>
            <button
              type="button"
              className="button secondary"
              disabled={!pick}
              onClick={() => {
                if (!pick) return;
                onChange({ places: [...places, pick] });
                setPick('');
              }}
            >
              {t.addPlace}
            </button>
          </div>
        ) : null}
      </fieldset>
      <details className="compare-metrics">
        <summary>
          {t.compareMetrics}
          {metrics.length ? `（${metrics.length}）` : ''}
        </summary>
        <div className="metric-checks">
          {metricChoices.map((m) => (
            <label key={m.key} className="check">
              <input
                type="checkbox"
                checked={metrics.includes(m.key)}
                onChange={(e) =>
                  onChange({
                    metrics: e.target.checked
                      ? [...metrics, m.key]
                      : metrics.filter((k) => k !== m.key),
                  })
                }
              />
              {name(m.nameZh, m.nameEn)}
            </label>
          ))}
        </div>
      </details>
      {places.length < MIN_COMPARE ? (
        <p className="no-data">{t.compareTooFew}</p>
      ) : !comparison ? (
        <p>{t.loading}</p>
      ) : comparison.rows.length === 0 ? (
        <p className="no-data">{t.noData}</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="data compare-table">
              <caption className="sr-only">{t.compare}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.metric}</th>
                  {comparison.places.map((p) => (
                    <th key={p.key} scope="col" className="n">
                      {name(p.name, p.nameEn)}
                      {p.county ? (
                        <span className="muted"> · {name(p.county.name, p.county.nameEn)}</span>
                      ) : null}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {comparison.rows.map((r) => (
                  <tr key={r.group.id}>
                    <th scope="row">
                      {metricName(r.group.metric, lang)}
                      {r.group.kind !== 'actual' ? (
                        <span className="muted"> · {t.kinds[r.group.kind]}</span>
                      ) : null}
                    </th>
                    {r.cells.map((c, i) => {
                      if (!c || c.value === null)
                        return (
                          <td key={i} className="n no-data">
                            —
                          </td>
                        );
                      const v = formatValue(c.value, r.group.unit, lang, c.comparator);
                      return (
                        <td key={i} className="n" title={v.exact}>
                          {c.source?.articleId != null ? (
                            <Link
                              href={`/articles/${c.source.articleId}?fact=${c.source.factId}`}
                              prefetch={false}
                            >
                              {v.text}
                            </Link>
                          ) : (
                            v.text
                          )}
                          <span className="muted"> {t.latestOf(c.year)}</span>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {charts.map((c) => {
            const title = t.compareChart(c.title);
            return (
              <figure key={c.unit + c.title} className="compare-chart">
                <figcaption>
                  {title} <span className="muted">（{unitLabel(c.unit, lang)}）</span>
                </figcaption>
                <EChart
                  option={c.option}
                  label={title}
                  height={300}
                  png={{
                    lang,
                    title,
                    filters: [
                      ...filters,
                      comparison.places
                        .map((p) => name(p.name, p.nameEn))
                        .join(lang === 'zh' ? '、' : ', '),
                    ],
                    unit: unitLabel(c.unit, lang),
                    asOf: null,
                    source: t.sourceLine,
                    fileName: `xiangtan-compare-${c.unit}.png`,
                  }}
                />
              </figure>
            );
          })}
        </>
      )}
    </div>
  );
}
