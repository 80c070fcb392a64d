import { getFactCountsByPark, getHomeSummary } from '@/lib/data/summary';
import { SummaryLive } from '@/components/home/summary-live';
import { ParkChart } from '@/components/home/park-chart';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const [summary, byPark] = await Promise.all([getHomeSummary(), getFactCountsByPark()]);
  return (
    <main>
      <h1>湘潭园区数据看板</h1>
      <p>
        数据来自《湘潭日报》，共 {summary.issues} 期、{summary.articles} 篇文章，提取数据{' '}
        {summary.facts.draft + summary.facts.approved + summary.facts.rejected} 条。
      </p>
      <section className="card" aria-labelledby="live">
        <h2 id="live">实时概况</h2>
        <SummaryLive />
      </section>
      <section className="card" aria-labelledby="parks">
        <h2 id="parks">各园区数据条数</h2>
        <ParkChart data={byPark} />
      </section>
    </main>
  );
}
