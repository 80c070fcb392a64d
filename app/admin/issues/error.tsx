'use client';
// Error boundary of the issue pages (e.g. the database is unreachable).
export default function IssuesError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="panel" role="alert">
      <h1>无法加载期次</h1>
      <p className="muted">请稍后重试。</p>
      <button type="button" className="button" onClick={reset}>
        重试
      </button>
    </div>
  );
}
