import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import { getPickerOptions } from '@/lib/data/catalog';
import { ManualFactForm } from '@/components/admin/manual-fact-form';
import s from '@/components/admin/admin.module.css';

export const metadata: Metadata = { title: '手工录入 · 管理' };
export const dynamic = 'force-dynamic';

export default async function NewFactPage() {
  const options = await getPickerOptions();
  return (
    <>
      <div className={s.head}>
        <h1>手工录入数据</h1>
        <span className={s.muted}>用于报纸没有刊登的数据；必须写明来源。</span>
      </div>
      <ManualFactForm options={options} submissionKey={randomUUID()} />
    </>
  );
}
