import type { Metadata } from 'next';
import { ImportForm } from '@/components/admin/import-form';
import { BatchImport } from '@/components/admin/batch-import';
import { issuesDictionary } from '@/lib/i18n/issues';
import { getLang } from '@/lib/i18n/server';
import { todayInChina } from '@/lib/ingest/issue-date';
import s from '@/components/admin/admin.module.css';

export const metadata: Metadata = { title: '导入 · 管理' };

export default async function ImportPage() {
  const t = issuesDictionary(await getLang()).batch;
  const today = todayInChina();
  return (
    <>
      <div className={s.head}>
        <h1>导入报纸</h1>
        <span className={s.muted}>预览不写入数据库；导入后所有数据为“待审”，批准后才出现在看板上。同一文字只会导入一次。</span>
      </div>
      <ImportForm today={today} />
      <BatchImport t={t} />
    </>
  );
}
