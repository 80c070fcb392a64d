export default function Loading() {
  return (
    <main aria-busy="true">
      <div className="skeleton" style={{ height: 36, width: 280, marginBottom: 16 }} />
      <div className="skeleton" style={{ height: 120, marginBottom: 16 }} />
      <div className="skeleton" style={{ height: 320 }} />
    </main>
  );
}
