'use client';
// Error boundary of the audit page (e.g. the database is unreachable).
export default function AuditError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div>
      <div className="panel" role="alert">
        <h1>无法加载审计日志</h1>
        <p className="muted">请稍后重试。</p>
        <button type="button" className="button" onClick={reset}>
          重试
        </button>
      </div>
    </div>
  );
}
