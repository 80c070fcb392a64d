// The targets of a year, each with the actual that answers it and how far it got. Every number
// links to its sentence; the card's title opens the target's timeline.
import Link from 'next/link';
import type { TargetItem } from '@/lib/data/targets';
import { localName, type Lang } from '@/lib/i18n/dictionaries';
import { promisesDictionary } from '@/lib/i18n/promises';
import { SourcedValueLink } from '@/components/provenance/sourced-value';
import { ProgressMeter } from './progress-meter';
import './targets.css';

export function TargetList({ items, lang, headingLevel = 3 }: { items: TargetItem[]; lang: Lang; headingLevel?: 3 | 4 }) {
  const p = promisesDictionary(lang);
  const H = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <ul className="promise-list">
      {items.map((item) => {
        const name = localName(lang, item.metric.nameZh, item.metric.nameEn);
        return (
          <li key={item.id} className="promise" data-metric={item.metric.key}>
            <H className="promise-name" style={{ margin: 0 }}>
              <Link prefetch={false} href={`/targets/${item.id}`}>
                {name}
              </Link>
            </H>
            <span className="promise-subject">{localName(lang, item.subject.name, item.subject.nameEn)}</span>
            <span className="promise-row">
              <span className="label">{p.target}</span>
              <span className="promise-target">
                <SourcedValueLink
                  point={{ value: item.value, unit: item.unit, comparator: item.comparator, reports: 1, sources: 1, latest: item.source }}
                  lang={lang}
                  showReports={false}
                />
              </span>
            </span>
            {item.actual ? (
              <span className="promise-row">
                <span className="label">{p.actual}</span>
                <SourcedValueLink
                  point={{ value: item.actual.value, unit: item.actual.unit, comparator: item.actual.comparator, reports: 1, sources: 1, latest: item.actual.source }}
                  lang={lang}
                  showReports={false}
                />
              </span>
            ) : null}
            <ProgressMeter progress={item.progress} lang={lang} />
          </li>
        );
      })}
    </ul>
  );
}
