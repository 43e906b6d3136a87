export type Locale = 'fr' | 'en';

const STORAGE_KEY = 'crm.console.locale';
let locale: Locale = readSaved();
const listeners = new Set<() => void>();

/** The language preference (not a secret) is remembered between visits; French by default. */
function readSaved(): Locale {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'fr';
  } catch {
    return 'fr';
  }
}

export function currentLocale(): Locale {
  return locale;
}

export function setLocale(next: Locale): void {
  locale = next;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
  } catch {
    /* private browsing: the choice lasts for this page */
  }
  document.documentElement.lang = next === 'en' ? 'en-CA' : 'fr-CA';
  for (const listener of listeners) listener();
}

export function subscribeLocale(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
