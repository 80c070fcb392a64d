import type { ReactNode } from 'react';
import { requireUser } from '@/lib/auth';
import { getDictionary } from '@/lib/i18n/server';
import { PrintSupport } from '@/components/layout/print-support';
import { getDataAsOf } from '@/lib/data/as-of';

// Officials' and analysts' pages: any signed-in user (viewer and up). Every page prints on A4 with
// its sources as footnotes (PrintSupport).
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const [, { lang }] = await Promise.all([requireUser('viewer'), getDictionary()]);
  const asOf = await getDataAsOf();
  return (
    <>
      {children}
      <PrintSupport lang={lang} asOf={asOf} />
    </>
  );
}
