// 审计日志 (admins only): every change with who, when and before/after, filterable by fact
// (entity type + id), user, action and date range. All filters live in the URL.
import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth';
import { auditQuerySchema, listAuditEntries, listAuditFacets, type AuditQuery } from '@/lib/data/audit';
import { listUserNames } from '@/lib/data/users';
import { getLang } from '@/lib/i18n/server';
import { issuesDictionary } from '@/lib/i18n/issues';
import { adminDictionary } from '@/lib/i18n/admin';
import { fill, type Lang } from '@/lib/i18n/dictionaries';
import { translateMessage } from '@/lib/i18n/messages';
import '../../login/forms.css';

export async function generateMetadata(): Promise<Metadata> {
  return { title: adminDictionary(await getLang()).titles.audit };
}

type SP = Record<string, string | string[] | undefined>;

function first(sp: SP): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(sp).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}

function pageHref(q: AuditQuery, page: number): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...q, page })) if (v !== undefined && !(k === 'page' && v === 1)) p.set(k, String(v));
  const s = p.toString();
  return s ? `/admin/audit?${s}` : '/admin/audit';
}

function time(iso: string, lang: Lang): string {
  return new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai', hour12: false });
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SP> }) {
  await requireUser('admin');
  const raw = first(await searchParams);
  const parsed = auditQuerySchema.safeParse(raw);
  const query: AuditQuery = parsed.success ? parsed.data : { page: 1 };
  const [result, facets, users, lang] = await Promise.all([listAuditEntries(query), listAuditFacets(), listUserNames(), getLang()]);
  // The log in words: actions, record types, field names and coded values as a reader says them.
  const words = issuesDictionary(lang).audit;
  const t = adminDictionary(lang).audit;
  const all = adminDictionary(lang).common.all;
  const ACTION_LABEL = words.actions;
  const entityWord = (t: string) => words.entities[t] ?? t;
  const fieldWord = (f: string) => f.split('.').map((part) => words.fields[part] ?? part).join(' · ');
  const valueWord = (v: string) => words.values[v] ?? v;
  return (
    <div className="stack">
      <h1 className="page-title">{t.title}</h1>
      {/* keyed by the query: client-side navigation (the links below) re-mounts it with the new defaults */}
      <form key={JSON.stringify(raw)} method="get" action="/admin/audit" className="panel filter-bar" role="search" aria-label={t.filter}>
        <div className="form-field">
          <label htmlFor="f-entity-type">{t.entityType}</label>
          <select id="f-entity-type" name="entityType" defaultValue={raw.entityType ?? ''}>
            <option value="">{all}</option>
            {facets.entityTypes.map((t) => (
              <option key={t} value={t}>
                {entityWord(t)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor="f-entity-id">{t.entityId}</label>
          <input id="f-entity-id" name="entityId" defaultValue={raw.entityId ?? ''} size={8} />
        </div>
        <div className="form-field">
          <label htmlFor="f-user">{t.user}</label>
          <select id="f-user" name="userId" defaultValue={raw.userId ?? ''}>
            <option value="">{all}</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName}{lang === 'en' ? ` (${u.username})` : `（${u.username}）`}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor="f-action">{t.action}</label>
          <select id="f-action" name="action" defaultValue={raw.action ?? ''}>
            <option value="">{all}</option>
            {facets.actions.map((a) => (
              <option key={a} value={a}>
                {ACTION_LABEL[a] ?? a}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor="f-from">{t.from}</label>
          <input id="f-from" name="from" type="date" defaultValue={raw.from ?? ''} />
        </div>
        <div className="form-field">
          <label htmlFor="f-to">{t.to}</label>
          <input id="f-to" name="to" type="date" defaultValue={raw.to ?? ''} />
        </div>
        <button type="submit" className="button">
          {t.submit}
        </button>
        <Link href="/admin/audit" className="button secondary">
          {t.clear}
        </Link>
      </form>
      {!parsed.success ? (
        <p role="alert" className="form-alert">
          {fill(t.badFilter, { message: translateMessage(parsed.error.issues[0]?.message ?? '', lang) })}
        </p>
      ) : null}
      <section className="panel" aria-labelledby="audit-results">
        <h2 id="audit-results">
          {fill(t.results, { total: result.total, page: result.page, pages: result.pageCount })}
        </h2>
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t.time}</th>
                <th scope="col">{t.user}</th>
                <th scope="col">{t.action}</th>
                <th scope="col">{t.object}</th>
                <th scope="col">{t.changes}</th>
                <th scope="col">{t.note}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.length === 0 ? (
                <tr>
                  <td colSpan={6} className="muted">
                    {t.none}
                  </td>
                </tr>
              ) : null}
              {result.rows.map((r) => (
                <tr key={r.id}>
                  <td style={{ whiteSpace: 'nowrap' }}>{time(r.createdAt, lang)}</td>
                  <td>{r.user ? <Link href={pageHref({ page: 1, userId: r.user.id }, 1)}>{r.user.displayName}</Link> : <span className="muted">{words.system}</span>}</td>
                  <td>
                    <Link href={pageHref({ page: 1, action: r.action }, 1)}>{ACTION_LABEL[r.action] ?? r.action}</Link>
                  </td>
                  <td>
                    {r.entityId ? (
                      <Link href={pageHref({ page: 1, entityType: r.entityType, entityId: r.entityId }, 1)}>
                        {entityWord(r.entityType)} #{r.entityId}
                      </Link>
                    ) : (
                      entityWord(r.entityType)
                    )}
                    {r.entityLabel ? <div className="muted">{r.entityLabel}</div> : null}
                  </td>
                  <td>
                    {r.changes.length === 0 ? (
                      <span className="muted">—</span>
                    ) : (
                      <ul style={{ margin: 0, paddingLeft: 16 }}>
                        {r.changes.slice(0, 20).map((c) => (
                          <li key={c.field}>
                            <span title={c.field}>{fieldWord(c.field)}</span>{lang === 'en' ? ': ' : '：'}{c.before !== null ? <span className="diff-old">{valueWord(c.before)}</span> : null}
                            {c.before !== null && c.after !== null ? ' → ' : null}
                            {c.after !== null ? <span className="diff-new">{valueWord(c.after)}</span> : null}
                          </li>
                        ))}
                        {r.changes.length > 20 ? <li className="muted">{fill(t.more, { n: r.changes.length - 20 })}</li> : null}
                      </ul>
                    )}
                  </td>
                  <td>{r.note === null ? null : translateMessage(r.note, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <nav aria-label={t.pages} className="page-controls" style={{ display: 'flex', gap: 8, marginTop: 8 }}>
          {result.page > 1 ? <Link href={pageHref(query, result.page - 1)}>{t.prev}</Link> : null}
          {result.page < result.pageCount ? <Link href={pageHref(query, result.page + 1)}>{t.next}</Link> : null}
        </nav>
      </section>
    </div>
  );
}
