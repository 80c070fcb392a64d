// The table behind a chart, in a <details> so keyboard and screen-reader users (and anyone who
// wants exact numbers) get the same data as the picture.
import type { ReactNode } from 'react';

export function TableView({
  summary,
  caption,
  children,
  open = false,
}: {
  summary: string;
  caption: string;
  children: ReactNode;
  open?: boolean;
}) {
  return (
    <details className="table-view" open={open}>
      <summary>{summary}</summary>
      <div className="table-wrap">
        <table className="data">
          <caption>{caption}</caption>
          {children}
        </table>
      </div>
    </details>
  );
}
