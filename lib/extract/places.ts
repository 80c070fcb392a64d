// Finds mentions of parks and regions (names, official names, aliases, short city names) and
// back-references (该区, 该园区, 该市, 该县, bare 高新区/经开区) in a text.
import gazetteer from '../../prisma/seed/gazetteer.json';
import type { GazetteerFile } from './gazetteer';
import type { Places } from './types';

const GAZ = gazetteer as unknown as GazetteerFile;

/** The data file's places: Hunan's regions, parks and Xiangtan's sub-parks (lib/extract/gazetteer.ts). */
export const DEFAULT_PLACES: Places = {
  regions: GAZ.regions,
  parks: GAZ.parks,
  subparks: GAZ.subparks ?? [],
};

export type Mention =
  | { kind: 'park'; name: string; start: number; end: number; home: string }
  | { kind: 'region'; name: string; start: number; end: number; level: string; code: string }
  | { kind: 'ref'; ref: 'park' | 'city' | 'county' | 'district' | 'home-city' | 'province' | 'country'; start: number; end: number; suffix?: string };

interface Term {
  term: string;
  short: boolean;
  target: { kind: 'park'; name: string; home: string } | { kind: 'region'; name: string; level: string; code: string };
}

const REFS: [string, Mention & { kind: 'ref' } extends infer R ? R extends { ref: infer F } ? F : never : never, string?][] = [
  ['该园区', 'park'], ['该开发区', 'park'], ['该高新区', 'park', '高新区'], ['该经开区', 'park', '经开区'], ['该区', 'district'],
  ['该市', 'city'], ['该县', 'county'], ['园区内', 'park'],
  // The whole district / county the article is about (全区社会消费品零售总额…).
  ['全区', 'district'], ['我区', 'district'], ['全县', 'county'], ['我县', 'county'], ['本县', 'county'],
  // The publisher's own city, the province, the country (resolved with the article's home place).
  ['我市', 'home-city'], ['全市', 'home-city'], ['本市', 'home-city'],
  // A prefecture (州) calls itself 全州/我州 (湘西州).
  ['全州', 'home-city'], ['我州', 'home-city'], ['本州', 'home-city'], ['全省', 'province'], ['我省', 'province'], ['本省', 'province'], ['全国', 'country'],
];
/** Words that stand for the publisher's own place: never a fixed alias of one region. */
export const HOME_WORDS = new Set(['我市', '全市', '本市', '市', '我州', '全州', '本州', '我县', '全县', '本县', '县', '我区', '全区', '区', '全省', '我省', '本省', '省']);
const BARE_PARK = ['高新区', '经开区', '综保区', '开发区'];
/** Words after a short city name that still name the place itself (韶山景区 is in 韶山市). */
const PLACE_SUFFIX = /^(?:景区|地区|境内|城区|片区)/;
const FACILITY = /^[^，,。；;、：:！？!?\s]{0,12}?(产业园|工业园|大学|学院|公司|集团|医院|中心|基地|中学|小学|学校|分局|银行|电视台|日报)/;

export interface PlaceIndex {
  find(text: string): Mention[];
  /** The region record of a name (for county → city resolution). */
  regionByName: Map<string, { code: string; level: string; parent: string | null }>;
  regionByCode: Map<string, { name: string; level: string; parent: string | null }>;
  /** Every park and sub-park by name; a sub-park carries the park it belongs to. */
  parkByName: Map<string, { home: string; parent?: string }>;
  /** Every name, official name and alias of a park → the park's name. */
  parkByTerm: Map<string, string>;
  cityName: string | null;
  /** The province's one autonomous prefecture (自治州), what 全州/我州 stand for; null unless exactly one. */
  prefecture: string | null;
}

function isCjk(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return c >= 0x4e00 && c <= 0x9fff;
}

export function buildPlaceIndex(places: Places): PlaceIndex {
  const terms: Term[] = [];
  const regionByName = new Map<string, { code: string; level: string; parent: string | null }>();
  const regionByCode = new Map<string, { name: string; level: string; parent: string | null }>();
  // The city the newspaper belongs to: the first city-level region with 我市/全市 aliases.
  let cityName: string | null = null;
  for (const r of places.regions) {
    regionByName.set(r.name, { code: r.code, level: r.level, parent: r.parent });
    regionByCode.set(r.code, { name: r.name, level: r.level, parent: r.parent });
    const target = { kind: 'region' as const, name: r.name, level: r.level, code: r.code };
    terms.push({ term: r.name, short: false, target });
    for (const a of r.aliases ?? []) {
      if ((a === '我市' || a === '全市') && r.level === 'city') cityName ??= r.name;
      // A bare 市 is far too ambiguous (市公安局); 我市/全市 stand for whichever city publishes.
      if (a.length < 2 || HOME_WORDS.has(a)) continue;
      terms.push({ term: a, short: false, target });
    }
    // 江华瑶族自治县 → 江华县, 湘西土家族苗族自治州 → 湘西州: the names the papers use.
    const autonomous = /^(.{2,3}?)(?:[\u4e00-\u9fff]{1,3}族)+自治(县|州)$/.exec(r.name);
    if (autonomous) terms.push({ term: `${autonomous[1]}${autonomous[2]}`, short: false, target });
    // 湘潭市 → 湘潭, 湘乡市 → 湘乡: cities are often named without 市.
    if (r.name.endsWith('市') && r.name.length >= 3) terms.push({ term: r.name.slice(0, -1), short: true, target });
  }
  const parkByName = new Map<string, { home: string; parent?: string }>();
  const parkByTerm = new Map<string, string>();
  for (const p of places.parks) {
    parkByName.set(p.name, { home: p.home });
    const target = { kind: 'park' as const, name: p.name, home: p.home };
    for (const t of new Set([p.name, p.official ?? '', ...(p.aliases ?? [])])) {
      if (t.length < 2) continue;
      terms.push({ term: t, short: false, target });
      if (!parkByTerm.has(t)) parkByTerm.set(t, p.name);
    }
  }
  // A sub-park is a subject of its own (its figures are not its park's totals), at its park's home.
  // A sub-park may sit in another sub-park (a 众创城 in an 产业园), listed in any order: each pass
  // places those whose park is placed, until a pass places none.
  let pending = [...(places.subparks ?? [])];
  while (pending.length) {
    const left: typeof pending = [];
    for (const sp of pending) {
      const home = parkByName.get(sp.parent)?.home;
      if (!home) {
        left.push(sp);
        continue;
      }
      const target = { kind: 'park' as const, name: sp.name, home };
      for (const t of new Set([sp.name, ...(sp.aliases ?? [])])) if (t.length >= 2) terms.push({ term: t, short: false, target });
      parkByName.set(sp.name, { home, parent: sp.parent });
    }
    if (left.length === pending.length) break;
    pending = left;
  }
  // Terms by their first two UTF-16 units (every term has at least two), longest first; a flag per
  // first unit lets the scan skip most characters with one array read and no string made.
  const byBigram = new Map<number, Term[]>();
  const firstUnit = new Uint8Array(0x10000);
  for (const t of terms) {
    const k = t.term.charCodeAt(0) * 0x10000 + t.term.charCodeAt(1);
    const list = byBigram.get(k) ?? [];
    list.push(t);
    byBigram.set(k, list);
    firstUnit[t.term.charCodeAt(0)] = 1;
  }
  for (const list of byBigram.values()) list.sort((a, b) => b.term.length - a.term.length);

  function find(text: string): Mention[] {
    const out: Mention[] = [];
    let i = 0;
    while (i < text.length) {
      const ch = text[i] ?? '';
      let matched = false;
      if (ch === '该' || ch === '园' || ch === '全' || ch === '我' || ch === '本') {
        for (const [w, ref, suffix] of REFS) {
          if (text.startsWith(w, i)) {
            const end = i + w.length;
            // "在全市首推", "高于全市平均水平", "占全省的": a scope or a base, not the subject.
            if (ref === 'home-city' || ref === 'province' || ref === 'country' || ref === 'district' || ref === 'county') {
              const scope = text[i - 1] === '在' || /^(首|第一|率先|前列|最)/.test(text.slice(end, end + 2));
              const base = text.startsWith('平均', end) && /(高于|低于|超过|超出|高出|快于|慢于|领先|比|较)$/.test(text.slice(Math.max(0, i - 2), i));
              const whole = text[i - 1] === '占';
              if (scope || base || whole) break;
            }
            out.push({ kind: 'ref', ref, start: i, end, suffix });
            i = end;
            matched = true;
            break;
          }
        }
        if (matched) continue;
      }
      const list = firstUnit[text.charCodeAt(i)] ? byBigram.get(text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1)) : undefined;
      if (list) {
        for (const t of list) {
          if (!text.startsWith(t.term, i)) continue;
          const end = i + t.term.length;
          const next = text[end];
          // 湘潭大学, 韶山电子…: a short city name glued to more Chinese is part of another name.
          // Not before words that only place it (韶山景区, 湘潭地区, 湘乡境内).
          if (t.short && isCjk(next) && !text.startsWith('市', end) && !PLACE_SUFFIX.test(text.slice(end, end + 2))) break;
          // 湖南县域, 河南县: 南县 inside a longer name is not the county.
          if (t.target.kind === 'region' && t.term.length === 2 && /^(湖南|河南|云南|海南|济南|华南|江南|西南|东南|中南|岭南|淮南|湘南)$/.test(text.slice(i - 1, i + 1))) break;
          // 湘潭市级重点项目, 郴州市级: a level of government, not a mention of the place.
          if (t.target.kind === 'region' && (next === '级' || (t.short && text.startsWith('市级', end)))) break;
          // 湘潭市动力电池材料产业园: a full name opening a facility's name.
          if (t.target.kind === 'region' && FACILITY.test(text.slice(end, end + 16))) break;
          // "在全市首推": a scope, not the subject.
          if ((t.term === '全市' || t.term === '全省') && (text[i - 1] === '在' || /^(首|第一|率先|前列|最)/.test(text.slice(end, end + 2)))) break;
          // "高于全市平均水平0.8个百分点": the base of a comparison, not the subject.
          if (text.startsWith('平均', end) && /(高于|低于|超过|超出|高出|快于|慢于|领先|比|较)$/.test(text.slice(Math.max(0, i - 2), i))) break;
          // "占全市外贸总额的近七成": the whole a share is of, not the subject.
          if (text[i - 1] === '占' && (t.term === '全市' || t.term === '全省' || t.term === '全区' || t.term === '全县')) break;
          if (t.target.kind === 'park') out.push({ kind: 'park', name: t.target.name, start: i, end, home: t.target.home });
          else out.push({ kind: 'region', name: t.target.name, start: i, end, level: t.target.level, code: t.target.code });
          i = end;
          matched = true;
          break;
        }
      }
      if (matched) continue;
      if (ch === '高' || ch === '经' || ch === '综' || ch === '开') {
        const bare = BARE_PARK.find((b) => text.startsWith(b, i));
        if (bare) {
          out.push({ kind: 'ref', ref: 'park', start: i, end: i + bare.length, suffix: bare });
          i += bare.length;
          continue;
        }
      }
      i++;
    }
    return out;
  }

  const prefectures = places.regions.filter((r) => r.level === 'city' && r.name.endsWith('自治州'));
  const prefecture = prefectures.length === 1 ? (prefectures[0]?.name ?? null) : null;
  return { find, regionByName, regionByCode, parkByName, parkByTerm, cityName, prefecture };
}
