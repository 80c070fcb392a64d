// Stage 4 — subject: whose figure it is (a park, county/city, project or organisation). The
// nearest subject named before the figure in its sentence, else who speaks after the quote it
// is in, else the topic of an earlier sentence of the paragraph, else the article's own place.
import type { Mention, PlaceIndex } from '../places';
import { findEntities } from '../entities';
import type { Quantity, SubjectRef } from '../types';
import { type DocContext, type Figure, type Home, type Resolved, paragraphStart } from './figure';

/** Words a publication or source tag is named with around its place (株洲日报, 湘潭县融媒体中心, 郴州发布). */
const OUTLET = /(?:日报社?|晚报|都市报|报社|报|融媒体中心|融媒|新闻网|在线|发布|传媒|广播电视台|电视台|新闻|网)$/;

/** The region a publication or source tag belongs to: 株洲日报 → 株洲市, 湘潭县融媒体中心 → 湘潭县. */
export function regionOfOutlet(name: string, places: PlaceIndex): { name: string; level: string; code: string } | null {
  const core = name.replace(/\s*[(（][^)）]*[)）]\s*$/, '').trim().replace(OUTLET, '').replace(OUTLET, '');
  for (const n of [core, `${core}市`, `${core}县`, `${core}区`, `${core}省`]) {
    const r = places.regionByName.get(n);
    if (r && n.length >= 2) return { name: n, level: r.level, code: r.code };
  }
  // A short form the papers use (湘西州融媒体中心 → 湘西土家族苗族自治州): the whole core names it.
  const m = core.length >= 2 ? places.find(core).find((x) => x.kind === 'region' && x.start === 0 && x.end === core.length) : undefined;
  return m && m.kind === 'region' ? { name: m.name, level: m.level, code: m.code } : null;
}

/** Home of a region: the city (prefecture) and, for a county-level one, the county. */
export function homeOfRegion(r: { name: string; level: string; code: string } | null, places: PlaceIndex): Home {
  if (!r) return { city: null, county: null };
  if (r.level === 'city') return { city: r.name, county: null };
  if (r.level === 'county') {
    const parent = places.regionByName.get(r.name)?.parent;
    return { city: parent ? (places.regionByCode.get(parent)?.name ?? null) : null, county: r.name };
  }
  return { city: null, county: null };
}

/**
 * The article's home place: from the publication when given, else from its dateline (株洲日报讯,
 * 湘潭县融媒体中心讯, 郴州发布), else from the first city or county its headline and lead name.
 */
export function homeOf(publication: string | undefined, dateline: string | null, headAndLead: Mention[], places: PlaceIndex): Home {
  const pub = publication ? regionOfOutlet(publication, places) : null;
  if (pub) return homeOfRegion(pub, places);
  const tag = dateline ? /^(?:[(（][^)）]*[)）])?\s*([^\s讯(（]{2,16}?)(?:\d{1,2}月\d{1,2}日)?讯|^([^\s]{2,10}发布)/.exec(dateline) : null;
  const tagName = tag ? (tag[1] ?? tag[2] ?? '') : '';
  // 长沙晚报掌上长沙5月30日讯: the outlet that opens a compound tag.
  const opening = /^(.{2,8}?(?:日报|晚报|都市报|新闻网|融媒体中心))./.exec(tagName);
  const fromTag = tag ? (regionOfOutlet(tagName, places) ?? (opening ? regionOfOutlet(opening[1] ?? '', places) : null)) : null;
  if (fromTag) return homeOfRegion(fromTag, places);
  // 红网时刻新闻记者 唐亚 通讯员 何平 永州报道: the place the reporter files from.
  const filed = dateline?.lastIndexOf('报道') ?? -1;
  for (let n = 2; dateline && filed > 0 && n <= 5 && n <= filed; n++) {
    const from = regionOfOutlet(dateline.slice(filed - n, filed), places);
    if (from) return homeOfRegion(from, places);
  }
  for (const m of headAndLead) {
    if (m.kind === 'region' && (m.level === 'city' || m.level === 'county')) return homeOfRegion({ name: m.name, level: m.level, code: m.code }, places);
    if (m.kind === 'park') {
      const home = places.regionByCode.get(m.home);
      if (home) return homeOfRegion({ name: home.name, level: home.level, code: m.home }, places);
    }
  }
  return { city: null, county: null };
}

/** The city a short park form belongs to when the article has no home (the product's own paper). */
const DEFAULT_SHORT_FORM_CITY = '湘潭';

/**
 * Short park names in a list (高新、综保、经开三个园区; 九华、天易两大园区): each resolved against the
 * parks of the home city (湘潭高新区), or a park whose name or alias starts with it (九华经开区).
 */
function shortParkMentions(body: string, places: PlaceIndex, home: Home): Resolved[] {
  const out: Resolved[] = [];
  const city = (home.city ?? `${DEFAULT_SHORT_FORM_CITY}市`).replace(/市$/, '');
  for (const m of body.matchAll(/((?:[\u4e00-\u9fff]{2}[、和及与])+[\u4e00-\u9fff]{2})(?=(?:两大|三大|四大|五大|两个|三个|四个|五个|等)?(?:园区|片区))/g)) {
    const tokens = (m[1] ?? '').split(/[、和及与]/);
    const names = tokens.map((t) => {
      for (const cand of [`${city}${t}区`, `${t}经开区`, `${t}高新区`, `${t}示范区`, `${t}综保区`, `${t}园区`]) {
        const park = places.parkByTerm.get(cand);
        if (park) return park;
      }
      return null;
    });
    if (names.some((n) => n === null)) continue;
    let at = m.index ?? 0;
    tokens.forEach((t, k) => {
      out.push({ start: at, end: at + t.length, subject: { type: 'park', name: names[k] as string } });
      at += t.length + 1;
    });
  }
  return out;
}

/** The city (prefecture) a park is in. */
function cityOfPark(park: string, places: PlaceIndex): string | null {
  const home = places.parkByName.get(park)?.home;
  const r = home ? places.regionByCode.get(home) : undefined;
  if (!r) return null;
  if (r.level === 'city') return r.name;
  return r.parent ? (places.regionByCode.get(r.parent)?.name ?? null) : null;
}

/** The county or city whose full name opens a project's or organisation's name (湘乡市…有限公司). */
function leadingRegion(name: string, places: PlaceIndex): string | null {
  for (let n = 3; n <= 6 && n < name.length; n++) {
    const head = name.slice(0, n);
    const r = places.regionByName.get(head);
    if (r && /[市县区]$/.test(head) && r.level !== 'province') return head;
  }
  return null;
}

/**
 * The park a bare 高新区/经开区 (市经开区) stands for when the text has named none before: the one of
 * the home county with that ending, else the home city's (郴州日报: 高新区 → 郴州高新区).
 */
function homePark(suffix: string, places: PlaceIndex, home: Home): string | null {
  const county = home.county ? places.regionByName.get(home.county)?.code : undefined;
  if (county) {
    for (const [name, p] of places.parkByName) if (p.home === county && name.endsWith(suffix)) return name;
  }
  const city = home.city?.replace(/市$/, '');
  return city ? (places.parkByTerm.get(`${city}${suffix}`) ?? null) : null;
}

/** A place named as a beneficiary or a base (为湘潭市…提供支撑, 对接长沙): not what the sentence is about. */
function incidentalAt(body: string, start: number): boolean {
  return /(?:[为向赴对]|来自)$/.test(body.slice(Math.max(0, start - 2), start));
}

/**
 * Every subject named in the body, in text order, back-references (该区, 全县, 我市, bare 高新区)
 * resolved to what they point at, named projects and organisations with the park or region the
 * text places them in.
 */
export function resolveMentions(body: string, places: PlaceIndex, home: Home): Resolved[] {
  const raw = places.find(body);
  // 湘潭高新区项目建设提速: a place's projects, not a project named after the place.
  const placeSpans = new Set(raw.filter((m) => m.kind !== 'ref').map((m) => `${m.start}:${m.end}`));
  const entities = findEntities(body).filter((e) => !(e.type === 'project' && placeSpans.has(`${e.start}:${e.end - 2}`)));
  const shorts = shortParkMentions(body, places, home);
  // Entities cover the places inside their names (湖南(韶山)智能装备产业城): those are not mentions.
  // Both lists are in text order and entities do not overlap, so one sweep finds the cover.
  const coverOf = (spans: { start: number; end: number }[]) => {
    let k = 0;
    return (m: { start: number; end: number }): number => {
      while (k < spans.length && (spans[k]?.end ?? 0) <= m.start) k++;
      const e = spans[k];
      return e && m.start >= e.start && m.end <= e.end ? k : -1;
    };
  };
  const entityCover = coverOf(entities);
  const shortCover = coverOf(shorts);
  const insideOf = new Map<number, Mention[]>();
  const kept: Mention[] = [];
  for (const m of raw) {
    const k = entityCover(m);
    if (k >= 0) insideOf.set(k, [...(insideOf.get(k) ?? []), m]);
    else if (shortCover(m) < 0) kept.push(m);
  }
  // 该项目, 该公司, 该企业: the project or organisation named last (also in the headline).
  const backRefs = [...body.matchAll(/该(项目|公司|企业)/g)].map((b) => ({ start: b.index, end: b.index + b[0].length, back: b[1] === '项目' ? ('project' as const) : ('org' as const) }));
  type Item = { start: number; end: number; m?: Mention; e?: (typeof entities)[number]; k?: number; s?: Resolved; back?: 'project' | 'org' };
  const items: Item[] = [
    ...kept.map((m) => ({ start: m.start, end: m.end, m })),
    ...entities.map((e, k) => ({ start: e.start, end: e.end, e, k })),
    ...shorts.map((s) => ({ start: s.start, end: s.end, s })),
    ...backRefs,
  ].sort((a, b) => a.start - b.start);

  const out: Resolved[] = [];
  let lastPark: string | null = null;
  let lastSubPark: string | null = null;
  let lastRegion: string | null = null;
  let lastCountyCity: string | null = null;
  let lastCounty: string | null = null;
  let lastDistrict: string | null = null;
  const lastNamed: { project?: SubjectRef; org?: SubjectRef } = {};
  for (const it of items) {
    if (it.back) {
      const named = lastNamed[it.back];
      if (named) out.push({ start: it.start, end: it.end, subject: named });
      continue;
    }
    if (it.s) {
      lastPark = it.s.subject.name;
      out.push(it.s);
      continue;
    }
    if (it.e) {
      const e = it.e;
      if (e.type === 'park') {
        // 湘乡经开区红仑新型产业园: a known sub-park written after its park's name is that sub-park.
        const known = (insideOf.get(it.k ?? -1) ?? []).find((m) => m.kind === 'park' && m.end === e.end);
        const name = known && known.kind === 'park' ? known.name : e.name;
        lastSubPark = name;
        out.push({ start: e.start, end: e.end, subject: { type: 'park', name } });
        continue;
      }
      // The park or region the name carries (湘潭综保区跨境电商产业园项目), else the one named last.
      const within = insideOf.get(it.k ?? -1) ?? [];
      const named = (m: Mention): string | null => (m.kind === 'ref' ? null : m.name);
      const innerPark = within.find((m) => m.kind === 'park');
      const innerRegion = within.find((m) => m.kind === 'region' && m.level !== 'province');
      // 九华智慧物流园项目: a name opening with a park's short form (九华 → 九华经开区) is in that park.
      // Not when the name opens with a county's or city's full name (湘乡市…公司 is in 湘乡市, not its park).
      const lead = leadingRegion(e.name, places);
      const opensWithRegion = lead !== null || (innerRegion !== undefined && innerRegion.start === e.start);
      // Only a park of the article's own city (桃源… in a Xiangtan paper is not Changde's 桃源经开区).
      const byShort = opensWithRegion
        ? null
        : (['经开区', '高新区', '示范区', '综保区']
            .map((s) => places.parkByTerm.get(`${e.name.slice(0, 2)}${s}`))
            .find((p) => p !== undefined && (home.city === null || cityOfPark(p, places) === home.city)) ?? null);
      const park = (innerPark && named(innerPark)) ?? byShort ?? lastSubPark ?? lastPark;
      // Else the place named last, else the publisher's own (a 湘潭日报 article's project is in 湘潭市).
      const region = (innerRegion && named(innerRegion)) ?? lead ?? (park ? null : (lastRegion ?? home.county ?? home.city));
      const subject: SubjectRef = { type: e.type, name: e.name };
      if (park) subject.park = park;
      if (region) subject.region = region;
      lastNamed[e.type] = subject;
      out.push({ start: e.start, end: e.end, subject, incidental: incidentalAt(body, e.start) });
      continue;
    }
    const m = it.m as Mention;
    if (m.kind === 'park') {
      lastPark = m.name;
      lastSubPark = null;
      out.push({ start: m.start, end: m.end, subject: { type: 'park', name: m.name }, incidental: incidentalAt(body, m.start) });
    } else if (m.kind === 'region') {
      if (m.level === 'province') continue; // 湖南省"五好"园区: part of a title, rarely the subject
      lastRegion = m.name;
      if (m.level === 'county') {
        if (m.name.endsWith('市')) lastCountyCity = m.name;
        else if (m.name.endsWith('县')) lastCounty = m.name;
        else lastDistrict = m.name;
      }
      out.push({ start: m.start, end: m.end, subject: { type: 'region', name: m.name }, incidental: incidentalAt(body, m.start) });
    } else {
      let target: SubjectRef | null = null;
      if (m.ref === 'park') {
        if (m.suffix === undefined && lastSubPark) target = { type: 'park', name: lastSubPark }; // 园内, 园区内
        else if (m.suffix && lastPark && !lastPark.endsWith(m.suffix) && m.suffix !== '开发区') target = null;
        else if (lastPark) target = { type: 'park', name: lastPark };
        else if (m.suffix && m.suffix !== '开发区') {
          const own = homePark(m.suffix, places, home);
          if (own) target = { type: 'park', name: own };
        }
      } else if (m.ref === 'district') {
        if (home.county?.endsWith('区') && body.startsWith('我区', m.start)) target = { type: 'region', name: home.county };
        else if (lastPark) target = { type: 'park', name: lastPark };
        else if (lastDistrict) target = { type: 'region', name: lastDistrict };
        else if (home.county?.endsWith('区')) target = { type: 'region', name: home.county };
      } else if (m.ref === 'city') {
        const name = lastCountyCity ?? home.city;
        if (name) target = { type: 'region', name };
      } else if (m.ref === 'home-city') {
        // A county-level city's paper calls itself 我市 (湘乡市); otherwise the prefecture. 全州/我州 is
        // the autonomous prefecture (Hunan has one: 团结报, 湘西州's paper, names no place of its own).
        const name = body[m.end - 1] === '州' ? (home.city?.endsWith('自治州') ? home.city : places.prefecture) : home.county?.endsWith('市') ? home.county : home.city;
        if (name) target = { type: 'region', name };
      } else if (m.ref === 'county') {
        const name = home.county?.endsWith('县') && !lastCounty ? home.county : lastCounty;
        if (name) target = { type: 'region', name };
      } else if (m.ref === 'province') target = { type: 'region', name: '湖南省' };
      else if (m.ref === 'country') target = { type: 'region', name: '全国' };
      if (target) out.push({ start: m.start, end: m.end, subject: target });
    }
  }
  return out;
}

/** Index of the last mention ending at or before pos, or -1. */
function lastMentionBefore(mentions: Resolved[], pos: number): number {
  let lo = 0;
  let hi = mentions.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((mentions[mid]?.end ?? Infinity) <= pos) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

/** Index of the first mention starting at or after pos (mentions.length when none). */
function firstMentionFrom(mentions: Resolved[], pos: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((mentions[mid]?.start ?? Infinity) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * "湘潭经开区、湘潭高新区主导产业产值分别达到1500亿元、1000亿元": when a clause says 分别 after a list
 * of places joined by 、/和 and the figure is the n-th of a list of values joined the same way, its
 * subject is the n-th place. Null when the clause has no such pair of lists of equal length.
 */
export function respectiveSubject(body: string, clause: { start: number; end: number }, q: Quantity, mentions: Resolved[]): SubjectRef | null {
  const text = body.slice(clause.start, clause.end);
  const at = text.indexOf('分别');
  if (at < 0 || q.start < clause.start + at) return null;
  const places = mentions.filter((m) => m.start >= clause.start && m.end <= clause.start + at);
  if (places.length < 2) return null;
  for (let i = 1; i < places.length; i++) {
    const gap = body.slice(places[i - 1]?.end ?? 0, places[i]?.start ?? 0);
    if (!/^[、和及与]$/.test(gap)) return null;
  }
  const after = body.slice(clause.start + at, clause.end);
  const values = [...after.matchAll(/[0-9０-９][0-9０-９.．,]*[^、和及，,。；;]*/g)];
  let n = -1;
  for (const [i, v] of values.entries()) {
    if (clause.start + at + (v.index ?? 0) <= q.start && q.start < clause.start + at + (v.index ?? 0) + v[0].length) n = i;
  }
  if (n < 0 || values.length !== places.length) return null;
  return places[n]?.subject ?? null;
}

/** “……”湘潭综保区一家企业负责人说: the subject named right after the quote the figure is in. */
function speakerAfterQuote(doc: DocContext, fig: Figure): SubjectRef | null {
  const { body, mentions } = doc;
  // Windows of 300 characters either side: a page without quotes must not be scanned per figure.
  const from = Math.max(0, fig.q.start - 300);
  const before = body.slice(from, fig.q.start);
  const openAt = before.lastIndexOf('“');
  if (openAt < 0 || before.lastIndexOf('”') > openAt) return null;
  const closeAt = body.slice(fig.q.start, fig.q.start + 300).indexOf('”');
  if (closeAt < 0) return null;
  const close = fig.q.start + closeAt;
  // The speaker clause: up to the next full stop, ending with 说/介绍/表示/告诉记者.
  const tail = body.slice(close + 1, close + 60);
  const end = tail.search(/[。！？!?\n]/);
  const clause = end >= 0 ? tail.slice(0, end) : tail;
  if (!/(说|介绍|表示|告诉记者|感慨|坦言|笑着说|算了一笔账)/.test(clause)) return null;
  const k = firstMentionFrom(mentions, close + 1);
  const m = mentions[k];
  return m && m.end <= close + 1 + clause.length ? m.subject : null;
}

export interface SubjectResult {
  subject: SubjectRef | null;
  /** Named in the figure's own sentence (or its speaker clause). */
  local: boolean;
}

export function subjectOf(fig: Figure, doc: DocContext): SubjectResult {
  const { body, mentions, sentences } = doc;
  const { q, sentence, s } = fig;
  // A、B……分别达到X、Y: the n-th figure of the list belongs to the n-th place of the list.
  const respectively = respectiveSubject(body, fig.clause, q, mentions);
  if (respectively) return { subject: respectively, local: true };
  // 总投资约25亿元的湘潭综保区跨境电商产业园项目, 救助10多名落水者的湘乡市村民: the name right
  // after 的 owns the figure before it.
  const next = mentions[firstMentionFrom(mentions, q.end)];
  if (next && next.start < fig.clause.end && /^[^，,。；;、]{0,4}的$/.test(body.slice(q.end, next.start))) return { subject: next.subject, local: true };
  // The nearest subject before the figure in its sentence, a beneficiary or base skipped.
  for (let k = lastMentionBefore(mentions, q.start); k >= 0; k--) {
    const m = mentions[k];
    if (!m || m.start < sentence.start) break;
    if (!m.incidental) return { subject: m.subject, local: true };
  }
  const speaker = speakerAfterQuote(doc, fig);
  if (speaker) return { subject: speaker, local: true };
  // The topic of the nearest earlier sentence of the paragraph that names one.
  const paraStart = paragraphStart(doc, sentence.start);
  for (let k = s - 1; k >= 0; k--) {
    const prevS = sentences[k];
    if (!prevS || prevS.end <= paraStart) break;
    for (let j = firstMentionFrom(mentions, prevS.start); j < mentions.length; j++) {
      const m = mentions[j];
      if (!m || m.end > prevS.end) break;
      if (!m.incidental) return { subject: m.subject, local: false };
    }
  }
  return { subject: doc.articleSubject, local: false };
}
