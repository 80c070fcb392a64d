'use client';
// The explorer's filter form. Every option comes from the data (lib/data/explorer
// getExplorerOptions): only regions, parks, metrics, years and kinds with approved figures,
// each counted under the other filters, so no choice returns nothing; the park list follows
// the county chosen. A value already in the URL stays selectable even when it has no rows.
import type { ExplorerOptions } from '@/lib/data/explorer';
import type { Lang } from '@/lib/i18n/dictionaries';
import type { ExplorerState, KindCode } from '@/lib/queries/facts';
import { FACT_KINDS } from '@/lib/vocab/kinds';
import { EXPLORER_LABELS } from './labels';

const KINDS: readonly KindCode[] = FACT_KINDS;

export function FilterForm({
  lang,
  state,
  options,
  regionOfPark,
  regionContains,
  onChange,
}: {
  lang: Lang;
  state: ExplorerState;
  options: ExplorerOptions | undefined;
  regionOfPark: (parkId: number) => string | undefined;
  regionContains: (region: string, child: string) => boolean;
  onChange: (next: ExplorerState) => void;
}) {
  const t = EXPLORER_LABELS[lang];
  const name = (zh: string, en: string | null) => (lang === 'en' && en ? en : zh);
  const count = (label: string, n: number | undefined) =>
    n === undefined ? label : t.optionCount(label, n);
  const regions = options?.regions ?? [];
  const parks = options?.parks ?? [];
  const metrics = options?.metrics ?? [];
  const years = options?.years ?? [];
  const kinds = new Map((options?.kinds ?? []).map((k) => [k.kind, k.count]));
  const missing = (present: boolean, value: string | number | undefined) =>
    !present && value !== undefined ? <option value={value}>{String(value)} (0)</option> : null;

  /** A year bound (从/到): choosing one end past the other moves the other end with it. */
  const yearBound = (side: 'yearFrom' | 'yearTo') => {
    const value = state[side];
    return (
      <label>
        {t[side]}
        <select
          value={value ?? ''}
          onChange={(e) => {
            const chosen = e.target.value ? Number(e.target.value) : undefined;
            let { yearFrom, yearTo } = state;
            if (side === 'yearFrom') {
              yearFrom = chosen;
              if (yearTo !== undefined && chosen !== undefined && yearTo < chosen) yearTo = chosen;
            } else {
              yearTo = chosen;
              if (yearFrom !== undefined && chosen !== undefined && yearFrom > chosen) yearFrom = chosen;
            }
            onChange({ ...state, yearFrom, yearTo });
          }}
        >
          <option value="">{t.any}</option>
          {years.map((y) => (
            <option key={y.year} value={y.year}>
              {count(String(y.year), y.count)}
            </option>
          ))}
          {missing(
            years.some((y) => y.year === value),
            value,
          )}
        </select>
      </label>
    );
  };

  return (
    <form className="explorer-filters" onSubmit={(e) => e.preventDefault()}>
      <label>
        {t.region}
        <select
          value={state.region ?? ''}
          onChange={(e) => {
            const region = e.target.value || undefined;
            const parkRegion = state.park !== undefined ? regionOfPark(state.park) : undefined;
            const keepPark = region && parkRegion ? regionContains(region, parkRegion) : !region;
            onChange({ ...state, region, park: keepPark ? state.park : undefined });
          }}
        >
          <option value="">{t.all}</option>
          {regions.map((r) => (
            <option key={r.code} value={r.code}>
              {r.level === 'county' ? '　' : ''}
              {count(name(r.name, r.nameEn), r.count)}
            </option>
          ))}
          {missing(
            regions.some((r) => r.code === state.region),
            state.region,
          )}
        </select>
      </label>
      <label>
        {t.park}
        <select
          value={state.park ?? ''}
          onChange={(e) =>
            onChange({ ...state, park: e.target.value ? Number(e.target.value) : undefined })
          }
        >
          <option value="">{t.all}</option>
          {parks.map((p) => (
            <option key={p.id} value={p.id}>
              {count(name(p.name, p.nameEn), p.count)}
            </option>
          ))}
          {missing(
            parks.some((p) => p.id === state.park),
            state.park,
          )}
        </select>
      </label>
      <label>
        {t.metric}
        <select
          value={state.metric ?? ''}
          onChange={(e) => onChange({ ...state, metric: e.target.value || undefined })}
        >
          <option value="">{t.all}</option>
          {metrics.map((m) => (
            <option key={m.key} value={m.key}>
              {count(name(m.nameZh, m.nameEn), m.count)}
            </option>
          ))}
          {missing(
            metrics.some((m) => m.key === state.metric),
            state.metric,
          )}
        </select>
      </label>
      {yearBound('yearFrom')}
      {yearBound('yearTo')}
      <fieldset className="kind-set">
        <legend>{t.kind}</legend>
        {KINDS.filter((k) => kinds.has(k) || state.kind?.includes(k)).map((k) => (
          <label key={k} className="check">
            <input
              type="checkbox"
              checked={state.kind?.includes(k) ?? false}
              onChange={(e) => {
                const set = new Set(state.kind ?? []);
                if (e.target.checked) set.add(k);
                else set.delete(k);
                onChange({
                  ...state,
                  kind: set.size ? KINDS.filter((x) => set.has(x)) : undefined,
                });
              }}
            />
            {t.kinds[k]}
            <span className="muted"> {kinds.get(k) ?? 0}</span>
          </label>
        ))}
      </fieldset>
    </form>
  );
}
