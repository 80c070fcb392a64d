import { describe, expect, it } from 'vitest';
import { locateCited, segmentBody } from '@/components/provenance/highlight';

const body = '第一段。\n2022年,湘潭经开区主导产业实现产值增速12%,成绩突出。另一句。\n第三段有67家。';

describe('locateCited', () => {
  it('finds the evidence text in the body', () => {
    const ev = '主导产业实现产值增速12%';
    const at = locateCited(body, ev, { start: null, end: null });
    expect(at && body.slice(at[0], at[1])).toBe(ev);
  });
  it('falls back to the sentence around the span when the evidence is not in the body', () => {
    const s = body.indexOf('12%');
    const at = locateCited(body, 'not there', { start: s, end: s + 3 });
    expect(at && body.slice(at[0], at[1])).toBe('2022年,湘潭经开区主导产业实现产值增速12%,成绩突出。');
  });
  it('is null without evidence or span', () => {
    expect(locateCited(body, null, null)).toBeNull();
  });
});

describe('segmentBody', () => {
  it('splits paragraphs and marks the cited sentence and figure spans', () => {
    const s = body.indexOf('12%');
    const t = body.indexOf('67家');
    const cited = locateCited(body, '主导产业实现产值增速12%', null);
    const paras = segmentBody(body, cited, [
      { factId: 1, start: s, end: s + 3 },
      { factId: 2, start: t, end: t + 3 },
      { factId: 3, start: t + 1, end: t + 3 }, // overlaps: dropped
    ]);
    expect(paras).toHaveLength(3);
    expect(paras.map((p) => p.map((x) => x.text).join(''))).toEqual(['第一段。', '2022年,湘潭经开区主导产业实现产值增速12%,成绩突出。另一句。', '第三段有67家。']);
    const citedText = paras[1]?.filter((x) => x.cited).map((x) => x.text).join('');
    expect(citedText).toBe('主导产业实现产值增速12%');
    expect(paras[1]?.find((x) => x.factId === 1)?.text).toBe('12%');
    expect(paras[2]?.find((x) => x.factId === 2)?.text).toBe('67家');
    expect(paras.flat().some((x) => x.factId === 3)).toBe(false);
  });
});
