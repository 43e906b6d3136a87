import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { CATALOGUE, ENUM_LABELS, type EnumName, type MessageKey } from './messages';
import { currentLocale, setLocale, subscribeLocale, type Locale } from './locale';

/** The language's tag for Intl: dates and numbers as in Québec (fr-CA), or en-CA. */
export const intlTag = (locale: Locale) => (locale === 'en' ? 'en-CA' : 'fr-CA');

/** A calendar date of the API (YYYY-MM-DD) as a local date, e.g. « 31 mars 2021 ». */
export function formatDate(locale: Locale, value: string | null | undefined, style: 'long' | 'medium' = 'long'): string {
  if (!value) return '—';
  const [y, m, d] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const parts = new Intl.DateTimeFormat(intlTag(locale), { dateStyle: style, timeZone: 'UTC' }).formatToParts(new Date(Date.UTC(y, m - 1, d)));
  // French writes the first of the month as an ordinal: « 1er août 2026 » (Intl gives « 1 août 2026 »).
  const ordinal = locale === 'fr' && style === 'long' && d === 1;
  return parts.map((part) => (ordinal && part.type === 'day' ? '1er' : part.value)).join('');
}

export function formatNumber(locale: Locale, value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(intlTag(locale), options).format(value);
}

export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = CATALOGUE[locale][key];
  return typeof text === 'function' ? text(params) : text;
}

/** The console's language, its catalogue and formatters; re-renders when the language changes. */
export function useI18n() {
  const locale = useSyncExternalStore(subscribeLocale, currentLocale);
  const t = useCallback((key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params), [locale]);
  const label = useCallback(
    <E extends EnumName>(name: E, value: string | null | undefined): string =>
      value ? ((ENUM_LABELS[locale][name] as Record<string, string>)[value] ?? value) : '—',
    [locale],
  );
  return useMemo(
    () => ({
      locale,
      setLocale,
      t,
      label,
      date: (value: string | null | undefined, style?: 'long' | 'medium') => formatDate(locale, value, style),
      number: (value: number, options?: Intl.NumberFormatOptions) => formatNumber(locale, value, options),
    }),
    [locale, t, label],
  );
}

export type I18n = ReturnType<typeof useI18n>;
