import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { Providers } from '@/components/providers';
import { SiteHeader } from '@/components/layout/site-header';
import { getDictionary } from '@/lib/i18n/server';
import './globals.css';
import '@/components/layout/theme.css';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getDictionary();
  return {
    title: { default: t.appName, template: `%s · ${t.appName}` },
    description: t.source,
  };
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#16325c',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { lang } = await getDictionary();
  return (
    <html lang={lang === 'en' ? 'en' : 'zh-CN'}>
      <body>
        <Providers>
          <SiteHeader />
          <div id="main" tabIndex={-1} className="site-main">
            {children}
          </div>
        </Providers>
      </body>
    </html>
  );
}
