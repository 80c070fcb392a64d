export default function Loading() {
  return (
    <div className="stack" aria-busy="true">
      <h1 className="page-title">期次日历</h1>
      <div className="panel sk" style={{ height: 80 }} />
      <div className="panel sk" style={{ height: 420 }} />
    </div>
  );
}
