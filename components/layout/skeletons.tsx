// Loading skeletons that mirror each page's layout, so content does not jump when it arrives.
import type { CSSProperties } from 'react';
import '@/components/overview/wall.css';

function Block({ h, w, style }: { h: number; w?: number | string; style?: CSSProperties }) {
  return <div className="sk" style={{ height: h, width: w ?? '100%', ...style }} />;
}

function Title() {
  return (
    <div className="page-title">
      <div style={{ width: '100%' }}>
        <Block h={14} w={160} style={{ marginBottom: 10 }} />
        <Block h={30} w={260} style={{ marginBottom: 8 }} />
        <Block h={16} w={340} />
      </div>
    </div>
  );
}

export function OverviewSkeleton() {
  return (
    <main aria-busy="true">
      <Title />
      <ul className="kpis">
        {Array.from({ length: 8 }, (_, i) => (
          <li key={i} className="kpi">
            <Block h={14} w="60%" />
            <Block h={32} w="50%" />
            <Block h={12} w="80%" />
          </li>
        ))}
      </ul>
      <div className="grid-2">
        <div className="panel"><Block h={18} w={120} style={{ marginBottom: 12 }} /><Block h={300} /></div>
        <div className="panel"><Block h={18} w={120} style={{ marginBottom: 12 }} /><Block h={300} /></div>
      </div>
      <div className="panel" style={{ marginTop: 16 }}><Block h={18} w={120} style={{ marginBottom: 12 }} /><Block h={280} /></div>
    </main>
  );
}

export function DetailSkeleton() {
  return (
    <main aria-busy="true">
      <Title />
      <div className="grid-2" style={{ marginBottom: 16 }}>
        <div className="panel"><Block h={140} /></div>
        <div className="panel"><Block h={140} /></div>
      </div>
      <div className="panel"><Block h={18} w={120} style={{ marginBottom: 12 }} /><Block h={260} /></div>
      <div className="panel"><Block h={18} w={120} style={{ marginBottom: 12 }} /><Block h={200} /></div>
    </main>
  );
}

export function TableSkeleton() {
  return (
    <main aria-busy="true">
      <Title />
      <div className="panel">
        {Array.from({ length: 10 }, (_, i) => (
          <Block key={i} h={22} style={{ marginBottom: 10 }} />
        ))}
      </div>
    </main>
  );
}

export function ArticleSkeleton() {
  return (
    <main aria-busy="true">
      <div className="article">
        <Block h={14} w={200} style={{ marginBottom: 12 }} />
        <Block h={80} style={{ marginBottom: 16 }} />
        <Block h={36} w="70%" style={{ marginBottom: 16 }} />
        <div className="panel">
          {Array.from({ length: 12 }, (_, i) => (
            <Block key={i} h={18} w={i % 4 === 3 ? '60%' : '100%'} style={{ marginBottom: 12 }} />
          ))}
        </div>
      </div>
    </main>
  );
}

export function WallSkeleton() {
  return <div className="wall" aria-busy="true" />;
}
