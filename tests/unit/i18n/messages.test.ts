// Every message a server action or validation writes in Chinese has an English one in the catalog
// (lib/i18n/messages.ts): the Chinese string literals of lib/actions and lib/validations are read
// from the source, and each must translate. Audit notes and stored values are listed apart.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES, translateMessage, translateResult } from '@/lib/i18n/messages';

const ROOT = path.resolve(__dirname, '../../..');
const CJK = /[\u4e00-\u9fff]/;

/** Not messages to the reader: audit notes (stored as written), stored values and labels the pages translate. */
const NOT_MESSAGES = new Set([
  '期次 #{} 出版日期 {} → {}：年份按新日期重新推算', '{} 条待审数据的年份按新日期重新推算', '数值冲突裁定：保留 #{}（{} {}）', '同一事件：#{}', '拆分为单独事件',
  '恢复默认主要指标', '主要指标 {} 个', '湘潭日报', '噪声', '重复', '非本地', '不是数据',
  '数量', '金额', '比率', '增速', '占比', '物理量', '求和', '取最新', '不汇总', '越高越好', '越低越好', '中性',
  '国家级', '省级', '市级', '县级', '省', '市', '县（市、区）',
]);

function literals(file: string): string[] {
  const src = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
  const out: string[] = [];
  for (const m of src.matchAll(/'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g)) {
    const s = m[1] ?? m[2] ?? '';
    if (CJK.test(s)) out.push(s.replace(/\$\{[^}]*\}/g, '{}'));
  }
  return out;
}

const files = ['lib/actions', 'lib/validations'].flatMap((d) =>
  // api.ts: the API's own parameter descriptions, in English already.
  readdirSync(path.join(ROOT, d)).filter((f) => f.endsWith('.ts') && f !== 'api.ts').map((f) => path.join(ROOT, d, f)),
);

describe('server messages in English', () => {
  it.each(files.map((f) => [path.relative(ROOT, f), f]))('%s: every Chinese message has an English one', (_name, file) => {
    const missing = literals(file)
      .filter((s) => !NOT_MESSAGES.has(s) && !s.includes('${')) // a template cut at a nested one: its parts are checked where they stand
      .filter((s) => translateMessage(s.replaceAll('{}', '7'), 'en') === s.replaceAll('{}', '7'));
    expect(missing).toEqual([]);
  });

  it('keeps Chinese as written, translates nested messages and field errors', () => {
    expect(translateMessage('出版日期 2099-01-01 晚于今天（2026-12-02）', 'zh')).toBe('出版日期 2099-01-01 晚于今天（2026-12-02）');
    expect(translateMessage('正文的电头日期指向 2023-03-31，与所填日期 2023-06-15 不符。确认无误请勾选“仍使用此日期”后再保存', 'en')).toBe(
      "The text's datelines point to 2023-03-31, not to the date entered, 2023-06-15. If the date is right, tick “Use this date anyway” and save again",
    );
    expect(translateMessage('这期报纸已导入过（期次 #4，日期为 2023-03-31，不是 2023-04-01），未做任何更改', 'en')).toBe(
      'This issue was imported already (issue #4, dated 2023-03-31, not 2023-04-01); nothing was changed',
    );
    expect(translateMessage('something new', 'en')).toBe('something new');
    expect(translateResult({ ok: false, message: '输入有误', fieldErrors: { date: ['日期无效'], proposedDate: ['2023-03-31'] } }, 'en')).toEqual({
      ok: false, message: 'Some fields need attention', fieldErrors: { date: ['Invalid date'], proposedDate: ['2023-03-31'] },
    });
  });

  it('has one English text per Chinese key', () => {
    const keys = MESSAGES.map(([zh]) => zh);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });
});
