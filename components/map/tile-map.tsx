// The city on a schematic tile map (lib/charts/tile-map.ts): each county/district a tile in its
// rough position, coloured by the chosen metric's figure, its parks as markers inside. Plain SVG:
// every tile and marker is a link (keyboard focus, aria-label with the figure), clicking drills
// down to the region or park page. Two layouts, one shown by CSS: wide screens and phones.
import type { MapCounty, MapPark, MapView } from '@/lib/data/map';
import './map.css';
import { dictionary, fill as fillIn, localName, type Lang } from '@/lib/i18n/dictionaries';
import { formatValue, toNumber, unitLabel } from '@/lib/i18n/format';
import {
  CITY_PARKS_TILE,
  NARROW_LAYOUT,
  NO_DATA_FILL,
  NO_DATA_TEXT,
  WIDE_LAYOUT,
  classOf,
  colourClasses,
  placeTiles,
  type ColourClass,
  type TileLayout,
} from '@/lib/charts/tile-map';
import type { SourcedValue } from '@/lib/vocab/shapes';

const CELL_W = 190;
const CELL_H = 132;
const GAP = 8;
const LINE = 21;

interface Tile {
  key: string;
  name: string;
  href: string;
  point: SourcedValue | null;
  basis: MapCounty['basis'];
  parks: MapPark[];
  /** The tile of the city's own parks is not a region: it takes no colour of its own. */
  neutral: boolean;
}

function valueText(point: SourcedValue | null, lang: Lang): string {
  const t = dictionary(lang);
  return point ? formatValue(point.value, point.unit, lang, point.comparator).text : t.noData;
}

function TileSvg({
  tiles,
  layout,
  classes,
  lang,
  current,
  label,
  variant,
}: {
  tiles: Tile[];
  layout: TileLayout;
  classes: ColourClass[];
  lang: Lang;
  current?: string;
  label: string;
  variant: 'wide' | 'narrow';
}) {
  const t = dictionary(lang);
  const { cells, rows } = placeTiles(layout, tiles.map((x) => x.key));
  const width = layout.cols * CELL_W + (layout.cols - 1) * GAP;
  const height = rows * CELL_H + (rows - 1) * GAP;
  const colour = (p: SourcedValue | null) => classOf(classes, p ? toNumber(p.value) : null);
  const sep = lang === 'zh' ? '：' : ': ';
  return (
    <svg className={`tile-map-svg tile-map-${variant}`} viewBox={`0 0 ${width} ${height}`} role="group" aria-label={label}>
      {tiles.map((tile) => {
        const cell = cells.get(tile.key);
        if (!cell) return null;
        const x = cell.col * (CELL_W + GAP);
        const y = cell.row * (CELL_H + GAP);
        const w = cell.w * CELL_W + (cell.w - 1) * GAP;
        const h = cell.h * CELL_H + (cell.h - 1) * GAP;
        const cls = tile.neutral ? null : colour(tile.point);
        const fill = tile.neutral ? '#ffffff' : (cls?.fill ?? NO_DATA_FILL);
        const ink = tile.neutral ? NO_DATA_TEXT : (cls?.text ?? NO_DATA_TEXT);
        const value = tile.neutral ? '' : `${valueText(tile.point, lang)}${tile.basis === 'parks_sum' ? ` · ${t.map.parksSum}` : ''}`;
        const isCurrent = current === tile.key;
        return (
          <g key={tile.key} data-tile={tile.key}>
            <a href={tile.href} aria-label={tile.neutral ? tile.name : `${tile.name}${sep}${value}`} className="tile-link" aria-current={isCurrent ? 'page' : undefined}>
              <rect
                className={`tile-bg${tile.point || tile.neutral ? '' : ' no-data'}${isCurrent ? ' current' : ''}`}
                x={x + 1}
                y={y + 1}
                width={w - 2}
                height={h - 2}
                rx={10}
                fill={fill}
              />
              {/* Whole words clipped at the tile's edge (not cut with …): the visible text stays part of the link's name. */}
              <clipPath id={`clip-${variant}-${tile.key}`}>
                <rect x={x + 4} y={y} width={w - 14} height={h} />
              </clipPath>
              <text x={x + 12} y={y + 24} className="tile-name" fill={ink} clipPath={`url(#clip-${variant}-${tile.key})`}>
                {tile.name}
              </text>
              {value ? (
                <text x={x + 12} y={y + 44} className="tile-value" fill={ink} clipPath={`url(#clip-${variant}-${tile.key})`}>
                  {value}
                </text>
              ) : null}
            </a>
            {(() => {
              // As many markers as the tile holds; the rest are counted and left to the county's page.
              const top = y + (tile.neutral ? 38 : 58);
              const room = Math.max(0, Math.floor((y + h - 4 - top) / LINE));
              const shown = tile.parks.length > room ? tile.parks.slice(0, Math.max(0, room - 1)) : tile.parks;
              const more = tile.parks.length - shown.length;
              return (
                <>
                  {shown.map((p, i) => {
                    const ly = top + i * LINE;
                    const pc = colour(p.point);
                    const name = localName(lang, p.park.name, p.park.nameEn);
                    // The value is never cut: the name is clipped before it (the whole name stays in
                    // the text, so the visible text and the accessible name agree).
                    const value = valueText(p.point, lang);
                    const width = (str: string) => [...str].reduce((n, ch) => n + (/[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 13 : 7.5), 0);
                    const valueX = x + w - 10;
                    const nameRoom = Math.max(20, valueX - width(value) - 6 - (x + 30));
                    const textWidth = Math.min(width(name), nameRoom) + 6 + width(value);
                    const clipId = `clip-${variant}-${p.park.id}`;
                    return (
                      <a key={p.park.id} href={`/parks/${p.park.id}`} aria-label={`${name}${sep}${value}`} className="park-link" data-park={p.park.id}>
                        <clipPath id={clipId}>
                          <rect x={x + 30} y={ly} width={nameRoom} height={LINE} />
                        </clipPath>
                        <rect className="park-hit" x={x + 6} y={ly} width={Math.min(w - 12, textWidth + 32)} height={LINE - 2} rx={4} fill={fill} />
                        <circle
                          cx={x + 18}
                          cy={ly + LINE / 2 - 1}
                          r={6}
                          fill={pc?.fill ?? '#ffffff'}
                          stroke={ink}
                          strokeWidth={1.5}
                          strokeDasharray={p.point ? undefined : '2 2'}
                        />
                        <text x={x + 30} y={ly + 14} className="park-name" fill={ink} clipPath={`url(#${clipId})`}>
                          {name}
                        </text>
                        <text x={width(name) > nameRoom ? valueX : x + 30 + width(name) + 6} y={ly + 14} className="park-name" fill={ink} textAnchor={width(name) > nameRoom ? 'end' : 'start'}>
                          {value}
                        </text>
                      </a>
                    );
                  })}
                  {more > 0 ? (
                    <text x={x + 30} y={top + shown.length * LINE + 14} className="park-name" fill={ink}>
                      {fillIn(t.map.more, { n: more })}
                    </text>
                  ) : null}
                </>
              );
            })()}
          </g>
        );
      })}
    </svg>
  );
}

/** The tile map with its legend. `current`: the region code drawn as "you are here". */
export function TileMap({ view, lang, current, compact = false }: { view: MapView; lang: Lang; current?: string; compact?: boolean }) {
  const t = dictionary(lang);
  const metric = view.metric;
  const tiles: Tile[] = [
    ...view.counties.map((c) => ({
      key: c.region.code,
      name: localName(lang, c.region.name, c.region.nameEn),
      href: `/regions/${c.region.code}`,
      point: c.point,
      basis: c.basis,
      parks: c.parks,
      neutral: false,
    })),
    ...(view.cityParks.length > 0 && view.city
      ? [{ key: CITY_PARKS_TILE, name: t.overview.cityParks, href: `/regions/${view.city.code}`, point: null, basis: null, parks: view.cityParks, neutral: true }]
      : []),
  ];
  const values = [...view.counties.map((c) => c.point), ...view.counties.flatMap((c) => c.parks.map((p) => p.point)), ...view.cityParks.map((p) => p.point)]
    .filter((p): p is SourcedValue => p !== null)
    .map((p) => toNumber(p.value));
  const classes = colourClasses(values);
  const metricName = metric ? localName(lang, metric.nameZh, metric.nameEn) : '';
  const label = metric ? `${t.map.title} · ${metricName} · ${view.year ?? ''}` : t.map.title;
  const unit = metric ? unitLabel(metric.unit, lang) : '';
  return (
    <figure className={`tile-map${compact ? ' compact' : ''}`}>
      <TileSvg tiles={tiles} layout={WIDE_LAYOUT} classes={classes} lang={lang} current={current} label={label} variant="wide" />
      {compact ? null : <TileSvg tiles={tiles} layout={NARROW_LAYOUT} classes={classes} lang={lang} current={current} label={label} variant="narrow" />}
      <figcaption className="tile-legend">
        {metric ? (
          <>
            <span className="legend-title">
              {t.map.legend}: {metricName}
              {unit ? ` (${t.unit}: ${unit})` : ''} · {t.direction[metric.direction]}
            </span>
            <ul>
              {classes.map((c) => (
                <li key={c.from}>
                  <span className="swatch" style={{ background: c.fill }} aria-hidden="true" />
                  {c.from === c.to
                    ? formatValue(String(c.from), metric.unit, lang).text
                    : `${formatValue(String(Number(c.from.toPrecision(4))), metric.unit, lang).text} – ${formatValue(String(Number(c.to.toPrecision(4))), metric.unit, lang).text}`}
                </li>
              ))}
              <li>
                <span className="swatch no-data" aria-hidden="true" />
                {t.noData}
              </li>
            </ul>
          </>
        ) : null}
        <span className="legend-note">{t.map.schematic}</span>
      </figcaption>
    </figure>
  );
}
