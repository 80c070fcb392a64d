// The header on every page: the product name, the main navigation for signed-in users (管理 for
// admins only), the language switch and the user menu with sign-out. What it renders depends on the
// user's role and language only, never on the account (the page cache shares a page between users of
// one role): the menu asks for the account's name itself (user-menu.tsx).
import Link from 'next/link';
import { getCurrentUser } from '@/lib/auth';
import { signOut } from '@/lib/actions/auth';
import { getDictionary } from '@/lib/i18n/server';
import { LangSwitch } from './lang-switch';
import { NavLinks, type NavItem } from './nav-links';
import { PrintButton } from './print-support';
import { UserMenu } from './user-menu';
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
            <UserMenu roleLabel={t.user.role[user.role]} menuLabel={t.user.menu} signOutLabel={t.user.signOut} signOut={signOut} />
          ) : null}
        </div>
      </div>
    </header>
  );
}
