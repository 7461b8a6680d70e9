// Language and time-zone choice for the whole app, remembered in localStorage.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { translate, type Locale, type MessageKey } from './messages.js';
import { formatDateTime, type TimeZoneChoice } from './format.js';

type I18n = {
  locale: Locale;
  zone: TimeZoneChoice;
  setLocale(locale: Locale): void;
  setZone(zone: TimeZoneChoice): void;
  t(key: MessageKey, values?: Record<string, string | number>): string;
  date(iso: string | number | Date | null | undefined): string;
};

const I18nContext = createContext<I18n | null>(null);

function stored<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const value = typeof localStorage === 'undefined' ? null : localStorage.getItem(name);
  return allowed.includes(value as T) ? (value as T) : fallback;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => stored('telusur.locale', ['id', 'en'] as const, 'id'));
  const [zone, setZoneState] = useState<TimeZoneChoice>(() => stored('telusur.zone', ['WIB', 'WITA', 'WIT'] as const, 'WIB'));

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem('telusur.locale', next);
    setLocaleState(next);
  }, []);
  const setZone = useCallback((next: TimeZoneChoice) => {
    localStorage.setItem('telusur.zone', next);
    setZoneState(next);
  }, []);

  const value = useMemo<I18n>(
    () => ({
      locale,
      zone,
      setLocale,
      setZone,
      t: (key, values) => translate(locale, key, values),
      date: (iso) => formatDateTime(iso, locale, zone),
    }),
    [locale, zone, setLocale, setZone],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
