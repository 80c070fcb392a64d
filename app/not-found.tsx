import Link from 'next/link';

export default function NotFound() {
  return (
    <main>
      <h1>未找到页面</h1>
      <p><Link href="/">返回首页</Link></p>
    </main>
  );
}
