import { describe, expect, it } from 'vitest';
import { cookieMustBeSecure, SESSION_COOKIE_NAME, slidingSessionCookie } from '@/lib/auth/session';

describe('session cookie', () => {
  it('is Secure when configured, over HTTPS, or behind a proxy that says the client used HTTPS', () => {
    expect(cookieMustBeSecure(true, false, null)).toBe(true);
    expect(cookieMustBeSecure(false, true, undefined)).toBe(true);
    expect(cookieMustBeSecure(false, false, 'https')).toBe(true);
    expect(cookieMustBeSecure(false, false, 'HTTPS, http')).toBe(true);
    // Only the first proxy's word counts (the one the client reached).
    expect(cookieMustBeSecure(false, false, 'http, https')).toBe(false);
    expect(cookieMustBeSecure(false, false, '')).toBe(false);
    expect(cookieMustBeSecure(false, false, null)).toBe(false);
  });

  it('slides: the same token again, a week long, HttpOnly and Lax', () => {
    expect(slidingSessionCookie('tok', false)).toBe(`${SESSION_COOKIE_NAME}=tok; Path=/; Max-Age=604800; HttpOnly; SameSite=Lax`);
    expect(slidingSessionCookie('tok', true)).toMatch(/; Secure$/);
  });
});
