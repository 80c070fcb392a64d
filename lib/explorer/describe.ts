// The explorer's filters in words (a chart's PNG title band, the exports' notes, saved views):
// names instead of codes, in the reader's language.
import { KIND_LABELS, type FactKindCode } from '@/lib/vocab/kinds';

type Lang = 'zh' | 'en';

export interface FilterRefs {
  regions: readonly { code: string; name: string; nameEn: string | null }[];
  parks: readonly { id: number; name: string; nameEn: string | null }[];
  metrics: readonly { key: string; nameZh: string; nameEn: string }[];
}

export interface DescribedFilters {
  region?: string | undefined;
  park?: number | undefined;
  metric?: string | undefined;
  yearFrom?: number | undefined;
  yearTo?: number | undefined;
  kind?: readonly FactKindCode[] | undefined;
}

const name = (lang: Lang, zh: string, en: string | null | undefined) =>
  lang === 'en' && en ? en : zh;

/** ["区域：湘乡市", "年份：2022—2023", …]; ["全部数据"] without filters. */
export function describeFilters(f: DescribedFilters, refs: FilterRefs, lang: Lang): string[] {
  const zh = lang === 'zh';
  const out: string[] = [];
  const label = (zhL: string, enL: string, v: string) => (zh ? `${zhL}：${v}` : `${enL}: ${v}`);
  if (f.metric) {
    const m = refs.metrics.find((x) => x.key === f.metric);
    out.push(label('指标', 'Metric', m ? name(lang, m.nameZh, m.nameEn) : f.metric));
  }
  if (f.region) {
    const r = refs.regions.find((x) => x.code === f.region);
    out.push(label('区域', 'Region', r ? name(lang, r.name, r.nameEn) : f.region));
  }
  if (f.park !== undefined) {
    const p = refs.parks.find((x) => x.id === f.park);
    out.push(label('园区', 'Park', p ? name(lang, p.name, p.nameEn) : String(f.park)));
  }
  if (f.yearFrom !== undefined || f.yearTo !== undefined) {
    const span =
      f.yearFrom !== undefined && f.yearFrom === f.yearTo
        ? String(f.yearFrom)
        : `${f.yearFrom ?? (zh ? '不限' : 'any')}${zh ? '—' : '–'}${f.yearTo ?? (zh ? '不限' : 'any')}`;
    out.push(label('年份', 'Years', span));
  }
  if (f.kind?.length)
    out.push(label('类型', 'Kind', f.kind.map((k) => KIND_LABELS[k][lang]).join(zh ? '、' : ', ')));
  return out.length ? out : [zh ? '全部数据' : 'All figures'];
}
