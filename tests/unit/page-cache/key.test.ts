import { describe, expect, it } from 'vitest';
import { chinaDay, isCacheableRequest, pageKey, readCookie, shareableHeaders, type KeyParts } from '@/lib/page-cache/key';

const base: KeyParts = { url: '/parks/3?year=2024', lang: 'zh', role: 'viewer', day: '2026-12-02', headers: {} };

describe('page cache key', () => {
  it('takes the dashboard pages and read APIs, and nothing that reads the account or changes data', () => {
    for (const p of ['/', '/scorecard', '/wall', '/metrics', '/metrics/gdp', '/regions/430300', '/parks/12', '/targets', '/targets/4', '/map']) {
      expect(isCacheableRequest('GET', p), p).toBe(true);
    }
    for (const p of ['/api/overview', '/api/aggregates', '/api/facts', '/api/summary', '/api/explorer/figures', '/api/explorer/options']) {
      expect(isCacheableRequest('GET', p), p).toBe(true);
    }
    for (const p of ['/api/me', '/api/import-jobs', '/api/export', '/api/export/layout', '/api/pdf', '/api/health', '/api/openapi.json', '/api/recognitions', '/api/facts/1', '/api/overviewx']) {
      expect(isCacheableRequest('GET', p), p).toBe(false);
    }
    for (const p of ['/explorer', '/admin', '/admin/review', '/login', '/articles/5', '/regions/', '/parks', '/metricsx']) {
      expect(isCacheableRequest('GET', p), p).toBe(false);
    }
    expect(isCacheableRequest('POST', '/')).toBe(false);
    expect(isCacheableRequest('HEAD', '/')).toBe(false);
  });

  it('differs by address, language, role, day and each header Next varies by', () => {
    const k = pageKey(base);
    expect(pageKey({ ...base })).toBe(k);
    expect(pageKey({ ...base, url: '/parks/3?year=2025' })).not.toBe(k);
    expect(pageKey({ ...base, lang: 'en' })).not.toBe(k);
    expect(pageKey({ ...base, role: 'admin' })).not.toBe(k);
    expect(pageKey({ ...base, day: '2026-12-03' })).not.toBe(k);
    for (const h of ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-url', 'accept-encoding']) {
      expect(pageKey({ ...base, headers: { [h]: '1' } }), h).not.toBe(k);
    }
    const tree = (s: string) => encodeURIComponent(JSON.stringify(['', { children: [s, {}] }]).repeat(5));
    expect(pageKey({ ...base, headers: { 'next-router-state-tree': tree('a') } })).not.toBe(pageKey({ ...base, headers: { 'next-router-state-tree': tree('b') } }));
    // Not the account: cookies and other headers are not part of it.
    expect(pageKey({ ...base, headers: { cookie: 'xt_session=abc', 'user-agent': 'x' } })).toBe(k);
  });

  it('reads one cookie out of a Cookie header', () => {
    expect(readCookie('a=1; xt_session=tok; lang=en', 'xt_session')).toBe('tok');
    expect(readCookie('a=1; lang=en', 'lang')).toBe('en');
    expect(readCookie('xlang=zh', 'lang')).toBeUndefined();
    expect(readCookie(undefined, 'lang')).toBeUndefined();
  });

  it('uses the calendar day of China', () => {
    expect(chinaDay(Date.UTC(2026, 11, 2, 15, 59))).toBe('2026-12-02');
    expect(chinaDay(Date.UTC(2026, 11, 2, 16, 0))).toBe('2026-12-03');
  });

  it('shares only a 200 without foreign cookies or unknown Vary, minus per-request headers', () => {
    const headers = {
      'content-type': 'text/html; charset=utf-8',
      vary: 'RSC, Next-Router-State-Tree, Next-Router-Prefetch, Next-Router-Segment-Prefetch, Accept-Encoding',
      'set-cookie': 'xt_session=tok; Path=/; Max-Age=604800; HttpOnly',
      'content-length': 120,
      'transfer-encoding': 'chunked',
      'x-page-cache': 'miss',
      'content-security-policy': "default-src 'self'",
    };
    expect(shareableHeaders(200, headers, 'xt_session')).toEqual([
      ['content-type', 'text/html; charset=utf-8'],
      ['vary', headers.vary],
      ['content-security-policy', "default-src 'self'"],
    ]);
    expect(shareableHeaders(404, headers, 'xt_session')).toBeNull();
    expect(shareableHeaders(307, headers, 'xt_session')).toBeNull();
    expect(shareableHeaders(200, { ...headers, 'set-cookie': ['xt_session=tok', 'lang=en'] }, 'xt_session')).toBeNull();
    expect(shareableHeaders(200, { ...headers, vary: 'Cookie' }, 'xt_session')).toBeNull();
  });
});
