'use client';
// Chinese/English switch: remembers the choice in the `lang` cookie and re-renders the page on
// the server (labels and number formats come from there).
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { LANG_COOKIE, type Lang } from '@/lib/i18n/dictionaries';

export function LangSwitch({ lang, label, title }: { lang: Lang; label: string; title: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const next: Lang = lang === 'zh' ? 'en' : 'zh';
  return (
    <button
      type="button"
      className="lang-switch"
      lang={next === 'zh' ? 'zh-CN' : 'en'}
      title={title}
      disabled={pending}
      onClick={() => {
        document.cookie = `${LANG_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
        startTransition(() => router.refresh());
      }}
    >
      {label}
    </button>
  );
}
