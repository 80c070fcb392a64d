import { z } from 'zod';
import { HttpError, route } from '@/lib/api/route';
import { hasRole, SESSION_COOKIE_NAME } from '@/lib/auth';
import { requiredRole } from '@/lib/auth/roles';
import { LANG_COOKIE, parseLang } from '@/lib/i18n/dictionaries';
import { dashboardPath, PdfBusyError, PdfPageError, renderPdf } from '@/lib/pdf/render';

export const dynamic = 'force-dynamic';
// Rendering a page in Chromium takes seconds; never cache a caller's PDF.
export const maxDuration = 120;

const query = z.object({ path: z.string().min(1).max(2000) });

function cookie(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * A dashboard page as an A4 PDF (导出 PDF). The caller's session and the page's role are checked
 * here; the page is then rendered with the caller's own session cookie, so it holds nothing the
 * caller could not open. 501 when the server has no Chromium (the button prints in the browser).
 */
export const GET = route({ role: 'viewer', query }, async ({ request, query: q, user }) => {
  const path = dashboardPath(q.path);
  if (!path) throw new HttpError(400, 'Invalid query.path: a dashboard page path such as /map');
  const need = requiredRole(new URL(path, 'http://self.invalid').pathname);
  if (need !== 'public' && (!user || !hasRole(user.role, need))) throw new HttpError(403, 'Forbidden');
  const session = cookie(request, SESSION_COOKIE_NAME);
  if (!session) throw new HttpError(401, 'Not signed in');
  const langValue = cookie(request, LANG_COOKIE);
  const lang = parseLang(langValue);
  try {
    const { pdf, title } = await renderPdf(path, [{ name: SESSION_COOKIE_NAME, value: session }, ...(langValue ? [{ name: LANG_COOKIE, value: langValue }] : [])], lang);
    const name = `${(title || 'dashboard').replace(/[\\/:*?"<>|\s]+/g, '-').slice(0, 80)}.pdf`;
    return new Response(pdf as BodyInit, {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="dashboard.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
        'Cache-Control': 'no-store',
      },
    });
  } catch (e) {
    if (e instanceof PdfBusyError) return Response.json({ error: 'PDF export busy, try again' }, { status: 503, headers: { 'Retry-After': '10' } });
    if (e instanceof PdfPageError) throw new HttpError(e.status, e.message);
    throw e;
  }
});
