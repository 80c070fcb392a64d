'use client';
// Error boundary of the user page (e.g. the database is unreachable).
export default function UsersError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div>
      <div className="panel" role="alert">
        <h1>无法加载用户列表</h1>
        <p className="muted">请稍后重试。</p>
        <button type="button" className="button" onClick={reset}>
          重试
        </button>
      </div>
    </div>
  );
}
