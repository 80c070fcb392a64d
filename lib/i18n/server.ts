// The reader's language on the server: the `lang` cookie (set by the header's switch), Chinese
// when absent.
import 'server-only';
import { cookies } from 'next/headers';
import { dictionary, LANG_COOKIE, parseLang, type Dictionary, type Lang } from './dictionaries';

export async function getLang(): Promise<Lang> {
  const store = await cookies();
  return parseLang(store.get(LANG_COOKIE)?.value);
}

export async function getDictionary(): Promise<{ lang: Lang; t: Dictionary }> {
  const lang = await getLang();
  return { lang, t: dictionary(lang) };
}
