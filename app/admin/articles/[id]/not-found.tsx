import Link from 'next/link';
import s from '@/components/admin/admin.module.css';

export default function ArticleNotFound() {
  return (
    <div className={s.card}>
      <h1 style={{ fontSize: '1.1rem' }}>找不到这篇文章</h1>
      <p className={s.muted}>文章不存在，或所在期次已被删除。</p>
      <Link href="/admin/review">返回审核</Link>
    </div>
  );
}
