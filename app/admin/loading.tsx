import s from '@/components/admin/admin.module.css';

export default function AdminLoading() {
  return (
    <div aria-busy="true" aria-label="加载中">
      <div className="skeleton" style={{ height: 28, width: 200, marginBottom: 12 }} />
      <div className={s.card}><div className="skeleton" style={{ height: 160 }} /></div>
    </div>
  );
}
