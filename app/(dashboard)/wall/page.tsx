// 大屏: the overview as a full-screen, dark, rotating wall display (1920×1080).
import type { Metadata } from 'next';
import { getOverview } from '@/lib/data/overview';
import { getDictionary } from '@/lib/i18n/server';
import { type SearchParams, yearParam } from '@/lib/i18n/params';
import { WallScreen } from '@/components/overview/wall-screen';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getDictionary();
  return { title: t.wall.title };
}

export default async function WallPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const [{ lang }, data] = await Promise.all([getDictionary(), getOverview({ year: yearParam(sp), dashboard: 'wall' })]);
  const raw = Array.isArray(sp.interval) ? sp.interval[0] : sp.interval;
  const seconds = raw && /^\d{1,3}$/.test(raw) ? Math.min(600, Math.max(5, Number(raw))) : 15;
  return (
    <WallScreen
      lang={lang}
      intervalMs={seconds * 1000}
      year={data.year}
      asOf={data.asOf}
      kpis={data.kpis}
      metric={data.metric}
      ranking={data.ranking}
      trend={data.trend}
      awards={data.awards}
      counties={data.counties}
    />
  );
}
