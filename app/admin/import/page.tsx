import type { Metadata } from 'next';
import { ImportForm } from '@/components/admin/import-form';
import s from '@/components/admin/admin.module.css';

export const metadata: Metadata = { title: '导入 · 管理' };

export default function ImportPage() {
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      <div className={s.head}>
        <h1>导入报纸</h1>
        <span className={s.muted}>预览不写入数据库；导入后所有数据为“待审”，批准后才出现在看板上。同一文字只会导入一次。</span>
      </div>
      <ImportForm today={today} />
    </>
  );
}
