// The admin area's labels: every Chinese key has an English one (and no English key is extra),
// none is empty, and each pair names the same {placeholders}, so fill() never leaves one behind.
import { describe, expect, it } from 'vitest';
import { adminDictionary } from '@/lib/i18n/admin';
import { issuesDictionary } from '@/lib/i18n/issues';

type Tree = { [k: string]: unknown };

function leaves(t: unknown, at = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof t === 'string') out.set(at, t);
  else if (Array.isArray(t)) t.forEach((v, i) => leaves(v, `${at}[${i}]`).forEach((s, k) => out.set(k, s)));
  else if (t && typeof t === 'object') for (const [k, v] of Object.entries(t as Tree)) leaves(v, at ? `${at}.${k}` : k).forEach((s, p) => out.set(p, s));
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each([
  ['admin', adminDictionary('zh'), adminDictionary('en')],
  ['issues', issuesDictionary('zh'), issuesDictionary('en')],
] as const)('%s dictionary', (_name, zh, en) => {
  const z = leaves(zh);
  const e = leaves(en);

  it('has an English text for every Chinese key and no other', () => {
    expect([...z.keys()].filter((k) => !e.has(k))).toEqual([]);
    expect([...e.keys()].filter((k) => !z.has(k))).toEqual([]);
  });

  it('has no empty text and the same placeholders in both languages', () => {
    const problems = [...z].flatMap(([k, v]) => {
      const w = e.get(k) ?? '';
      if (!v.trim() || !w.trim()) return [`${k}: empty`];
      return placeholders(v).join() === placeholders(w).join() ? [] : [`${k}: {${placeholders(v).join()}} vs {${placeholders(w).join()}}`];
    });
    expect(problems).toEqual([]);
  });
});
