// Our own small i18n: Simplified Chinese first, English second. The chosen
// locale is kept in localStorage and sent to the server as Accept-Language so
// its error messages follow it.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setApiLanguage } from '../api/client';
import { messages, type Locale, type MessageKey } from './messages';

export type { Locale, MessageKey } from './messages';

const STORAGE_KEY = 'tongban.locale';
const CENTER_TIME_ZONE = 'Asia/Shanghai';

export type Params = Record<string, string | number>;

export interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  /** Translates a key; `{name}` placeholders are filled from params. */
  t: (key: MessageKey, params?: Params) => string;
  /** Whether a dynamic key (e.g. an event type from the server) has a translation. */
  has: (key: string) => key is MessageKey;
  formatDateTime: (iso: string | null | undefined) => string;
  formatDate: (iso: string | null | undefined) => string;
}

function readStoredLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'zh' || stored === 'en') return stored;
  } catch {
    // storage blocked (private mode): fall back to Chinese
  }
  return 'zh';
}

/** BCP 47 tag of a locale, for Accept-Language, <html lang> and Intl. */
export function languageTag(locale: Locale): string {
  return locale === 'zh' ? 'zh-CN' : 'en';
}

/** Fills `{name}` placeholders from params; unknown names stay as written. */
export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(readStoredLocale);
  // Set synchronously so the very first requests already carry the language.
  setApiLanguage(languageTag(locale));

  useEffect(() => {
    document.documentElement.lang = languageTag(locale);
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not persisted; still switch for this visit
    }
    setApiLanguage(languageTag(next));
    setLocaleState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    const dict = messages[locale];
    // Legal time limits run on the center's clock (Asia/Shanghai, docs/legal-clock.md),
    // so every time is shown in it, whatever the browser's own time zone.
    const dateTime = new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en-GB', {
      timeZone: CENTER_TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hour12: false,
    });
    const date = new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: CENTER_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
    const format = (formatter: Intl.DateTimeFormat) => (iso: string | null | undefined) => {
      if (!iso) return '—';
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : formatter.format(d);
    };
    return {
      locale,
      setLocale,
      // A key missing at run time (a new server code) shows as itself rather than crashing the page.
      t: (key, params) => interpolate(dict[key] ?? key, params),
      has: (key: string): key is MessageKey => Object.prototype.hasOwnProperty.call(dict, key),
      formatDateTime: format(dateTime),
      formatDate: format(date),
    };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current locale, translator and formatters. */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
