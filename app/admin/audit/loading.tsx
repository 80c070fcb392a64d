export default function Loading() {
  return (
    <div className="stack" aria-busy="true">
      <h1 className="page-title">审计日志</h1>
      <div className="panel sk" style={{ height: 80 }} />
      <div className="panel sk" style={{ height: 320 }} />
    </div>
  );
}
