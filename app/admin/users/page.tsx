// 用户管理 (admins only): list accounts, create one, change role, reset password, (de)activate.
import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth';
import { listUsers } from '@/lib/data/users';
import { adminDictionary } from '@/lib/i18n/admin';
import { fill, type Lang } from '@/lib/i18n/dictionaries';
import { getLang } from '@/lib/i18n/server';
import { CreateUserForm, UserRowActions } from './user-forms';
import '../../login/forms.css';

export async function generateMetadata(): Promise<Metadata> {
  return { title: adminDictionary(await getLang()).titles.users };
}

function formatTime(iso: string | null, lang: Lang): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai', hour12: false });
}

export default async function UsersPage() {
  const me = await requireUser('admin');
  const [users, lang] = await Promise.all([listUsers(), getLang()]);
  const t = adminDictionary(lang).users;
  return (
    <div className="stack">
      <h1 className="page-title">{t.title}</h1>
      <section className="panel" aria-labelledby="create-user">
        <h2 id="create-user">{t.create}</h2>
        <CreateUserForm lang={lang} />
      </section>
      <section className="panel" aria-labelledby="user-list">
        <h2 id="user-list">{fill(t.list, { n: users.length })}</h2>
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t.username}</th>
                <th scope="col">{t.displayName}</th>
                <th scope="col">{t.role}</th>
                <th scope="col">{t.status}</th>
                <th scope="col">{t.lastLogin}</th>
                <th scope="col">{t.sessions}</th>
                <th scope="col">{t.actions}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <td>
                    {u.username}
                    {u.id === me.id ? <span className="tag">{t.me}</span> : null}
                  </td>
                  <td>{u.displayName}</td>
                  <td>{t.roles[u.role]}</td>
                  <td>{u.active ? t.active : <strong>{t.inactive}</strong>}</td>
                  <td>{formatTime(u.lastLoginAt, lang)}</td>
                  <td className="num">{u.activeSessions}</td>
                  <td>
                    <UserRowActions user={{ id: u.id, username: u.username, role: u.role, active: u.active, version: u.version }} lang={lang} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
