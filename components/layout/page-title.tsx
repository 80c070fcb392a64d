// The heading block of a dashboard page: title, a line of context, optional controls.
import type { ReactNode } from 'react';

export function PageTitle({ title, subtitle, children }: { title: string; subtitle?: ReactNode; children?: ReactNode }) {
  return (
    <div className="page-title">
      <div>
        <h1>{title}</h1>
        {subtitle ? <p className="page-subtitle">{subtitle}</p> : null}
      </div>
      {children ? <div className="page-controls">{children}</div> : null}
    </div>
  );
}
