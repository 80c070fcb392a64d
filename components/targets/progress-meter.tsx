// How far an actual got towards its target, in words first ("截至6月 · 完成目标的44.3%"), with a
// bar for counts and amounts. A year-to-date figure is never drawn as a shortfall: its status is
// "进行中" until the period is over.
import type { Lang } from '@/lib/i18n/dictionaries';
import { formatDate } from '@/lib/i18n/format';
import { coverageLabel, promisesDictionary } from '@/lib/i18n/promises';
import type { Progress } from '@/lib/vocab/progress';

export function ProgressMeter({ progress, lang }: { progress: Progress; lang: Lang }) {
  const p = promisesDictionary(lang);
  if (progress.status === 'no_actual') return <span className="tag promise-none">{p.noActual}</span>;
  const when = coverageLabel(progress.coverage, lang, (d) => formatDate(d, lang));
  if (progress.status === 'not_comparable') {
    return (
      <span className="promise-progress">
        <span className="tag promise-none">{p.status.not_comparable}</span>
        <span className="promise-text">{when}</span>
      </span>
    );
  }
  const percent = progress.percent;
  const text = [when, percent !== null ? p.percentOf.replace('{n}', String(percent)) : null].filter(Boolean).join(' · ');
  return (
    <span className="promise-progress">
      {percent !== null ? (
        <span className={`progress promise-bar ${progress.coverage.kind === 'final' ? '' : 'partial'}`} aria-hidden="true">
          <span style={{ width: `${Math.min(100, Math.max(0, percent))}%` }} />
        </span>
      ) : null}
      <span className="promise-text">{text}</span>
      <span className={`tag promise-${progress.status}`}>{p.status[progress.status]}</span>
    </span>
  );
}
