'use client';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main role="alert">
      <h1>页面暂时无法显示</h1>
      <p>{error.digest ? `错误编号 ${error.digest}。` : ''}请稍后重试；如果问题持续，请联系管理员。</p>
      <button type="button" onClick={reset}>重试</button>
    </main>
  );
}
