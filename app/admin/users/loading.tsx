export default function Loading() {
  return (
    <div className="stack" aria-busy="true">
      <h1 className="page-title">用户管理</h1>
      <div className="panel sk" style={{ height: 120 }} />
      <div className="panel sk" style={{ height: 320 }} />
    </div>
  );
}
