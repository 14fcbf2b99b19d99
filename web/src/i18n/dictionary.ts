// The translator of a screen's own dictionary (kept apart from i18n/messages.ts
// so that each screen's words load with its chunk), one helper for all of them.
import { useCallback } from 'react';
import { interpolate, useI18n, type Locale, type Params } from './index';

/** A screen's own words: Chinese the source, English with every key. */
export type Dictionary<K extends string> = Record<Locale, Record<K, string>>;

/** Looks a key up in the app's chosen locale and fills its `{name}` placeholders; an unknown key shows as itself. */
export type Translator<K extends string> = (key: K, params?: Params) => string;

/** The hook that gives a screen's translator, following the app's chosen locale. */
export function translatorFor<K extends string>(messages: Dictionary<K>): () => Translator<K> {
  return function useTranslator() {
    const { locale } = useI18n();
    return useCallback<Translator<K>>((key, params) => interpolate(messages[locale][key] ?? key, params), [locale]);
  };
}
