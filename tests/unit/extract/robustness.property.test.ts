// Property-based robustness: any input — empty, binary-looking, emoji, lone surrogates,
// unbalanced quotes, mixed scripts, very long — gives quantities and facts, never a crash or
// a hang, and what comes back is consistent with the input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractIssue, findQuantities } from '@/lib/extract';
import { parseDec } from '@/lib/extract/decimal';
import { decodeText } from '@/lib/extract/normalize';

const NEWSY = ['本报讯', '(记者 张三)', '全市', '湘潭经开区', '该区', '力争', '预计', '同比增长', '上半年', '1至7月', '亿元', '万元', '余', '以上', '近', '%', '个百分点', '家', '名', '个', '"', '“', '”', '《', '》', '。', '，', ',', '\n', '\n\n', ' ', '一', '十', '百', '千', '万', '两', '第', '年', '月', '日', '0', '1', '2', '5', '9', '.', '-', '至', '🎉', '\ud800', 'abc'];
const newsy = fc.array(fc.constantFrom(...NEWSY), { maxLength: 200 }).map((parts) => parts.join(''));
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 300 }), newsy);

describe('robustness', () => {
  it('findQuantities: offsets in range, text is the slice, values are decimals, in order', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const qs = findQuantities(text);
        let last = 0;
        for (const q of qs) {
          expect(q.start).toBeGreaterThanOrEqual(last);
          expect(q.end).toBeGreaterThan(q.start);
          expect(q.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(q.start, q.end)).toBe(q.text);
          expect(parseDec(q.value)).not.toBeNull();
          last = q.end;
        }
      }),
      { numRuns: 400 },
    );
  });

  it('N万 is N × 10000 exactly (metamorphic)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99999 }), fc.integer({ min: 0, max: 99 }), (n, frac) => {
        const written = frac ? `${n}.${String(frac).padStart(2, '0')}` : String(n);
        const [q] = findQuantities(`新增${written}万元`);
        const expected = (BigInt(n) * 10000n + BigInt(frac) * 100n).toString();
        expect(q?.value).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('extractIssue: never throws; spans point at the raw figure in its article body', () => {
    fc.assert(
      fc.property(anyText, fc.option(fc.constantFrom('2023-05-19', '2024-01-31')), (text, date) => {
        const r = extractIssue(text, { date: date ?? undefined });
        for (const f of r.facts) {
          const body = r.articles.find((a) => a.ordinal === f.articleOrdinal)?.body ?? '';
          expect(body.slice(f.span[0], f.span[1])).toBe(f.raw);
          expect(f.confidence).toBeGreaterThanOrEqual(0);
          expect(f.confidence).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('decodeText: any bytes give text or a clear error', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const r = decodeText(bytes);
        if ('error' in r) expect(r.error.length).toBeGreaterThan(5);
        else expect(typeof r.text).toBe('string');
      }),
      { numRuns: 300 },
    );
  });

  it('a 10 MB issue is processed (linear scan, no catastrophic regex)', () => {
    // A realistic density: a figure every few sentences, plus unbalanced quotes and titles.
    const page =
      '会议强调，要坚持以项目建设为抓手，持续优化营商环境，推动园区高质量发展，不断增强发展动能。' +
      '各地各部门要提高政治站位，压实工作责任，确保各项任务落地见效。“一号工程"《未闭合标题 ' +
      '湘潭经开区上半年完成工业投资35.6亿元，同比增长12.5%。\n';
    const big = page.repeat(Math.ceil(10_000_000 / page.length));
    // A hang or a quadratic blow-up would exceed the test's timeout; speed itself is measured
    // by `npm run bench:extract`, not asserted here.
    const r = extractIssue(big, { date: '2023-07-20' });
    expect(r.articles.length).toBeGreaterThan(0);
    expect(r.facts.length).toBeGreaterThan(10_000);
  }, 120_000);
});
