// The two interface languages. Indonesian is the reference: English must carry exactly its keys,
// which the type below enforces at compile time and i18n.test.ts checks again at run time.
import { id } from './id.js';
import { en } from './en.js';

export type Locale = 'id' | 'en';
export type MessageKey = keyof typeof id;
export type Messages = Record<MessageKey, string>;

export const messages: Record<Locale, Messages> = { id, en };

/** What a missing translation looks like on screen, so that the browser tests can find it. */
export const missingMarker = (key: string): string => `⟦${key}⟧`;

/** Fills `{name}` placeholders; values are text, never markup. */
export function translate(locale: Locale, key: MessageKey, values?: Record<string, string | number>): string {
  const template = messages[locale][key] as string | undefined;
  if (template === undefined || template === '') return missingMarker(key);
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
