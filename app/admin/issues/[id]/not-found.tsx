import Link from 'next/link';

export default function IssueNotFound() {
  return (
    <div className="panel" role="alert">
      <h1>期次不存在</h1>
      <p>
        <Link href="/admin/issues">返回期次日历</Link>
      </p>
    </div>
  );
}
