// "修订于 <date>" beside a published figure that was changed after approval, with the value it had
// before one click away (a disclosure: works without JavaScript, keyboard and screen readers).
import type { FactRevision } from '@/lib/data/fact-versions';
import type { Lang } from '@/lib/i18n/dictionaries';
import { fill } from '@/lib/i18n/dictionaries';
import { formatDate, formatValue } from '@/lib/i18n/format';
import { issuesDictionary } from '@/lib/i18n/issues';

export function RevisionNote({ revision, lang }: { revision: FactRevision | undefined; lang: Lang }) {
  if (!revision) return null;
  const t = issuesDictionary(lang).history;
  const p = revision.previous;
  const before = formatValue(p.value, p.unit, lang, p.comparator);
  const date = revision.revisedAt.slice(0, 10);
  return (
    <details className="revision-note" style={{ display: 'inline-block', marginLeft: 6, fontSize: '0.85em' }}>
      <summary style={{ cursor: 'pointer' }} className="muted">
        {fill(t.revised, { date: formatDate(date, lang) })}
      </summary>
      <span>
        {t.previous}：<del title={before.exact}>{before.text}</del>
        {p.year ? ` · ${p.year}` : ''} · {p.metric}
        {revision.by ? ` · ${fill(t.by, { name: revision.by })}` : ''}
        {revision.versions > 1 ? ` · ${t.versions} ${revision.versions}` : ''}
      </span>
    </details>
  );
}
