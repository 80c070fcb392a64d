'use client';
import { useMemo } from 'react';
import { EChart } from '@/components/charts/echart';
import { barOption } from '@/lib/charts/bar';
import type { SubjectCount } from '@/lib/data/summary';

export function ParkChart({ data }: { data: SubjectCount[] }) {
  const option = useMemo(
    () => barOption(data.map((d) => ({ name: d.subject, value: d.facts })), { seriesName: '数据条数', horizontal: true }),
    [data],
  );
  if (data.length === 0) return <p>暂无园区数据。</p>;
  return <EChart option={option} label="各园区提取的数据条数" height={Math.max(160, data.length * 36)} />;
}
