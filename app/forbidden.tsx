// 403 page, rendered by forbidden() (requireUser with a role that is too low).
import Link from 'next/link';

export default function Forbidden() {
  return (
    <main>
      <div className="panel" style={{ maxWidth: 560, margin: '48px auto', textAlign: 'center' }}>
        <h1>403 · 没有权限</h1>
        <p className="muted">您的账号无权访问此页面。如需权限，请联系管理员。</p>
        <p>
          <Link href="/" className="button">
            返回总览
          </Link>
        </p>
      </div>
    </main>
  );
}
