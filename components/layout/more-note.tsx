// "N more, see them there": the note under a list or table that shows only the newest part of what
// exists, with a link to where the rest is (the explorer, filtered to the same subject).
import type { ReactNode } from 'react';
import Link from 'next/link';

export function MoreNote({ text, href, linkText, data }: { text: string; href?: string | undefined; linkText: string; data: Record<`data-${string}`, number> }) {
  let link: ReactNode = null;
  if (href) {
    link = (
      <>
        {' '}
        <Link prefetch={false} href={href}>{linkText}</Link>
      </>
    );
  }
  return (
    <p className="panel-note more-note" {...data}>
      {text}
      {link}
    </p>
  );
}
