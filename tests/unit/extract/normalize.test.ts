// Normalisation of text cut from PDF e-papers and decoding of uploaded bytes: stray spaces go,
// meaningful ones stay, every output character maps back to its input offset, and bytes that
// are not text in a known encoding are refused with a message instead of turning into mojibake.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, foldCjk, normalizeIssueText, normalizeWithMap } from '@/lib/extract/normalize';
import { findQuantitiesInLine } from '@/lib/extract/line';

describe('normalizeIssueText', () => {
  it.each([
    ['stray spaces between Chinese characters', '我市召开 2023年守法普法协调小组暨现场评 议会议', '我市召开2023年守法普法协调小组暨现场评议会议'],
    ['spaces between digits and Chinese', '5月18 日上午,该区对116 家重点企业', '5月18日上午,该区对116家重点企业'],
    ['full-width spaces', '湘潭\u3000经开区　新增 企业', '湘潭经开区新增企业'],
    ['space between Chinese and Latin', '全市28家涉 VOC、氮氧化物', '全市28家涉VOC、氮氧化物'],
    ['spaces between Latin words stay', 'GPT model 4.0 面对 GPT 时代', 'GPT model 4.0面对GPT时代'],
    ['digit before a Latin unit keeps its space', '功率 3 kW', '功率3 kW'],
    ['runs of blank lines collapse to one', '标题\n\n\n\n本报讯', '标题\n\n本报讯'],
    ['CRLF and CR become LF', '第一段\r\n第二段\r第三段', '第一段\n第二段\n第三段'],
    ['lines are trimmed', '   标题   \n  正文。  ', '标题\n正文。'],
    ['BOM, zero-width and control characters go', '\ufeff湘\u200b潭\u0007市', '湘潭市'],
    ['ASCII and full-width punctuation are both kept as written', '增长12%,达到"五好"（目标）。', '增长12%,达到"五好"（目标）。'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeIssueText(input)).toBe(expected);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        const once = normalizeIssueText(s);
        expect(normalizeIssueText(once)).toBe(once);
      }),
      { numRuns: 300 },
    );
  });

  it('maps every output character back to the same character of the input', () => {
    const parts = [' ', '\u3000', '\n', '\r\n', '\n\n\n', '湘', '潭', '1', '２', 'a', '%', '，', '"', '\ufeff', '\u200b', '😀', '万元'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 60 }), (p) => {
        const input = p.join('');
        const { text, map } = normalizeWithMap(input);
        expect(map.length).toBe(text.length);
        for (let i = 0; i < text.length; i++) {
          const at = map[i] ?? -1;
          expect(at).toBeGreaterThanOrEqual(0);
          if (i > 0) expect(at).toBeGreaterThan(map[i - 1] ?? -1);
          // Line breaks may come from \r; everything else is the same code unit.
          if (text[i] === '\n') expect(['\n', '\r']).toContain(input[at]);
          else if (text[i] === ' ') expect(/\s/.test(input[at] ?? '')).toBe(true);
          else expect(input[at]).toBe(text[i]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('handles a 10 MB input (linear: a quadratic normaliser would hit the timeout)', () => {
    const line = '本报讯(记者 张 三)湘潭 经开区 新增企业 12 家，同比增长 8.5%。\n\n';
    const big = line.repeat(Math.ceil(10_000_000 / line.length));
    const out = normalizeIssueText(big);
    expect(out.length).toBeLessThan(big.length);
    expect(out.startsWith('本报讯(记者张三)湘潭经开区新增企业12家，同比增长8.5%。\n\n本报讯')).toBe(true);
  }, 120_000);
});

describe('decodeText', () => {
  const text = '湘潭经开区新增企业12家，同比增长8.5%。';
  const utf8 = new TextEncoder().encode(text);

  it('decodes UTF-8 with and without a BOM', () => {
    expect(decodeText(utf8)).toEqual({ text });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ text });
  });

  it('decodes GB18030/GBK bytes', () => {
    // "湘潭经开区12家" in GBK: 湘 cfe6 潭 cCB6 经 BEAD 开 BFAA 区 C7F8
    const gbk = new Uint8Array([0xcf, 0xe6, 0xcc, 0xb6, 0xbe, 0xad, 0xbf, 0xaa, 0xc7, 0xf8, 0x31, 0x32, 0xbc, 0xd2]);
    expect(decodeText(gbk)).toEqual({ text: '湘潭经开区12家' });
  });

  it.each([
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]],
    ['PDF', [...new TextEncoder().encode('%PDF-1.7\n')]],
    ['ZIP/DOCX', [0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]],
    ['NUL bytes', [0x41, 0, 0x42, 0, 0x43]],
  ])('refuses %s with a message', (_name, bytes) => {
    const r = decodeText(new Uint8Array(bytes));
    expect('error' in r && r.error.length > 0).toBe(true);
  });

  it('refuses binary noise (control bytes) even without NUL bytes', () => {
    const noise = new Uint8Array(4096);
    let x = 12345;
    for (let i = 0; i < noise.length; i++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      noise[i] = 1 + (x % 255);
    }
    const r = decodeText(noise);
    expect('error' in r).toBe(true);
  });

  it('refuses 7-bit binary (valid UTF-8, but mostly control characters)', () => {
    const bytes = new Uint8Array(2048);
    for (let i = 0; i < bytes.length; i++) bytes[i] = 1 + ((i * 7) % 31); // 0x01-0x1f
    expect('error' in decodeText(bytes)).toBe(true);
  });

  it('keeps text with a few tabs and form feeds', () => {
    const t = `标题\f\n${'正文\t内容。'.repeat(50)}`;
    expect(decodeText(new TextEncoder().encode(t))).toEqual({ text: t });
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const r = decodeText(bytes);
        expect('text' in r || 'error' in r).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('PDF radicals and compatibility ideographs', () => {
  it('folds Kangxi radicals, the radicals supplement and compatibility ideographs to ordinary characters', () => {
    // ⽬ ⼯ ⾼ ⼀ are Kangxi radicals (U+2F6C, U+2F2F, U+2FBC, U+2F00); ⻓ ⻔ ⻢ from U+2E80–U+2EFF; 﨎 is not folded
    // (a unified ideograph inside the compatibility block), 塚 (U+FA10) folds to 塚.
    expect(normalizeWithMap('项⽬总投资⼀亿元').text).toBe('项目总投资一亿元');
    expect(normalizeWithMap('⼯业园区⾼新区').text).toBe('工业园区高新区');
    expect(normalizeWithMap('⻓沙⻢路⻔口').text).toBe('长沙马路门口');
    expect(normalizeWithMap('\ufa10\ufa0e').text).toBe('\u585a\ufa0e');
    // Compatibility ideograph outside the BMP (U+2F800 → 丽 U+4E3D).
    expect(normalizeWithMap('\u{2F800}江').text).toBe('丽江');
  });

  it('keeps full-width punctuation, digits and letters as they are (NFKC would not)', () => {
    const s = '全区，共（３）家：ＡＢ；增长５．２％！';
    expect(normalizeWithMap(s).text).toBe(s);
    expect(s.normalize('NFKC')).not.toBe(s);
  });

  it('keeps the offset map right and removes the layout spaces next to folded characters', () => {
    const input = '⾼ 新区 项 ⽬ 12个';
    const { text, map } = normalizeWithMap(input);
    expect(text).toBe('高新区项目12个');
    for (let k = 0; k < text.length; k++) expect(foldCjk(input[map[k]!]!)).toBe(text[k]);
    const astral = normalizeWithMap('a\u{2F800}b');
    expect(astral.text).toBe('a丽b');
    expect(Array.from(astral.map)).toEqual([0, 1, 3]);
    // The space rules see the folded character: ': 丽' (U+2F800) glues like ': 丽', once and for all.
    expect(normalizeWithMap(': \u{2F800}').text).toBe(':丽');
    expect(normalizeWithMap('a\ud87e b').text).toBe('a\ud87e b');
  });

  it('lets the extractor read numerals and units written with radicals', () => {
    expect(findQuantitiesInLine('⼀千⼆百万元').map((q) => [q.text, q.value, q.unit])).toEqual([['⼀千⼆百万元', '12000000', 'CNY']]);
  });
});
