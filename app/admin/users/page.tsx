// 用户管理 (admins only): list accounts, create one, change role, reset password, (de)activate.
import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth';
import { listUsers } from '@/lib/data/users';
import { CreateUserForm, UserRowActions } from './user-forms';
import '../../login/forms.css';

export const metadata: Metadata = { title: '用户管理' };

const ROLE_LABEL = { viewer: '查看', analyst: '分析', admin: '管理员' } as const;

function formatTime(iso: string | null): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

export default async function UsersPage() {
  const me = await requireUser('admin');
  const users = await listUsers();
  return (
    <div className="stack">
      <h1 className="page-title">用户管理</h1>
      <section className="panel" aria-labelledby="create-user">
        <h2 id="create-user">新建用户</h2>
        <CreateUserForm />
      </section>
      <section className="panel" aria-labelledby="user-list">
        <h2 id="user-list">全部用户（{users.length}）</h2>
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">用户名</th>
                <th scope="col">姓名</th>
                <th scope="col">角色</th>
                <th scope="col">状态</th>
                <th scope="col">最近登录</th>
                <th scope="col">有效会话</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <td>
                    {u.username}
                    {u.id === me.id ? <span className="tag"> 我</span> : null}
                  </td>
                  <td>{u.displayName}</td>
                  <td>{ROLE_LABEL[u.role]}</td>
                  <td>{u.active ? '启用' : <strong>已停用</strong>}</td>
                  <td>{formatTime(u.lastLoginAt)}</td>
                  <td className="num">{u.activeSessions}</td>
                  <td>
                    <UserRowActions user={{ id: u.id, username: u.username, role: u.role, active: u.active, version: u.version }} />
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
