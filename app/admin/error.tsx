'use client';
import s from '@/components/admin/admin.module.css';

export default function AdminError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className={s.card} role="alert">
      <h1 style={{ fontSize: '1.1rem' }}>页面出错了</h1>
      <p className={s.muted}>请稍后重试；如果数据库暂时不可用，几秒后再试。</p>
      <button type="button" className={s.btn} onClick={reset}>重试</button>
    </div>
  );
}
