// The header on every page: the product name, the main navigation for signed-in users (管理 for
// admins only), the language switch and the user menu with sign-out.
import Link from 'next/link';
import { getCurrentUser } from '@/lib/auth';
import { signOut } from '@/lib/actions/auth';
import { getDictionary } from '@/lib/i18n/server';
import { LangSwitch } from './lang-switch';
import { NavLinks, type NavItem } from './nav-links';
import { PrintButton } from './print-support';
import { chromiumPath } from '@/lib/pdf/render';

export async function SiteHeader() {
  const [{ t, lang }, user] = await Promise.all([getDictionary(), getCurrentUser().catch(() => null)]);
  const items: NavItem[] = user
    ? [
        { href: '/', label: t.nav.overview },
        { href: '/scorecard', label: t.nav.scorecard },
        { href: '/regions/430300', label: t.nav.regions, also: ['/regions', '/parks'] },
        { href: '/metrics', label: t.nav.metrics },
        { href: '/map', label: t.nav.map },
        ...(user.role === 'analyst' || user.role === 'admin' ? [{ href: '/explorer', label: t.nav.explorer }] : []),
        { href: '/wall', label: t.nav.wall },
        ...(user.role === 'admin' ? [{ href: '/admin', label: t.nav.admin }] : []),
      ]
    : [];
  return (
    <header className="site-header">
      <a href="#main" className="skip-link">
        {t.skipToContent}
      </a>
      <div className="site-header-inner">
        <Link href="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            {t.brandMark}
          </span>
          <span className="brand-text">{t.appName}</span>
        </Link>
        {items.length > 0 ? <NavLinks items={items} label={t.mainNav} /> : <span className="site-nav-spacer" />}
        <div className="header-tools">
          <LangSwitch lang={lang} label={t.langSwitch} title={t.langSwitchLabel} />
          {user ? <PrintButton lang={lang} pdf={chromiumPath() !== null} /> : null}
          {user ? (
            <details className="user-menu">
              <summary>
                <span className="avatar" aria-hidden="true">
                  {user.username.slice(0, 1).toUpperCase()}
                </span>
                <span className="sr-only">{t.user.menu}: </span>
                {/* The role in the reader's language: demo accounts' display names are Chinese role
                    descriptions (领导查看), the wrong words in the English UI. */}
                <span className="user-name">{t.user.role[user.role]}</span>
              </summary>
              <div className="user-menu-panel">
                <p>
                  <strong>{user.displayName}</strong>
                  <br />
                  <span className="muted">
                    {user.username} · {t.user.role[user.role]}
                  </span>
                </p>
                <form action={signOut}>
                  <button type="submit" className="button">
                    {t.user.signOut}
                  </button>
                </form>
              </div>
            </details>
          ) : null}
        </div>
      </div>
    </header>
  );
}
