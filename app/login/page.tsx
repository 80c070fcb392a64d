// Sign-in page (public). Already signed in: straight on to `next`.
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getCurrentUser, safeNextPath } from '@/lib/auth';
import { LoginForm } from './login-form';
import './forms.css';

export const metadata: Metadata = { title: '登录' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const next = safeNextPath(typeof sp.next === 'string' ? sp.next : undefined);
  const user = await getCurrentUser().catch(() => null);
  if (user) redirect(next);
  return (
    <main>
      <div className="panel login-panel">
        <h1>登录</h1>
        <p className="muted">湘潭日报经济指标看板 · 请使用管理员分配的账号登录</p>
        <LoginForm next={next} />
      </div>
    </main>
  );
}
