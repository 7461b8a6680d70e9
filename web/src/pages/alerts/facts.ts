// Turns the facts the monitor extracted from a post (src/monitor/CONTRACT.md: recordCount, bytes,
// price {amount, currency, per}, dataTypes, victim, platform, seller, contacts, pii) into short
// lines a person reads. Unknown facts are shown as plain text, never dropped.
import { formatNumber } from '../../i18n/format.js';
import { messages, type Locale, type MessageKey } from '../../i18n/messages.js';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** Decimal units, as the contract states sizes: 720000000000 → "720 GB". */
export function formatDecimalBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 }).format(value)} ${units[unit]}`;
}

function typeName(type: string, locale: Locale, t: Translate): string {
  const key = `piiType.${type}`;
  return key in messages[locale] ? t(key as MessageKey) : type;
}

export function factLabel(name: string, locale: Locale, t: Translate): string {
  const key = `fact.${name}`;
  return key in messages[locale] ? t(key as MessageKey) : name;
}

export function factText(name: string, value: unknown, locale: Locale, t: Translate): string {
  if (value === null || value === undefined) return '';
  if (name === 'bytes' && typeof value === 'number') return formatDecimalBytes(value);
  if (name === 'price' && typeof value === 'object' && !Array.isArray(value)) {
    const price = value as { amount?: unknown; currency?: unknown; per?: unknown };
    const amount = typeof price.amount === 'number' ? formatNumber(price.amount) : String(price.amount ?? '');
    const per = price.per === 'record' ? t('fact.perRecord') : price.per === 'total' ? t('fact.perTotal') : '';
    return `${amount} ${String(price.currency ?? '')}${per ? ` ${per}` : ''}`.trim();
  }
  if (name === 'dataTypes' && Array.isArray(value)) return value.map((type) => typeName(String(type), locale, t)).join(', ');
  if (name === 'contacts' && Array.isArray(value))
    return value.map((c) => (c && typeof c === 'object' ? `${String((c as { kind?: unknown }).kind ?? '')}: ${String((c as { value?: unknown }).value ?? '')}` : String(c))).join(', ');
  if (name === 'pii' && Array.isArray(value))
    return value
      .map((p) => {
        const item = (p ?? {}) as { type?: unknown; count?: unknown; masked?: unknown };
        const masked = Array.isArray(item.masked) ? ` (${item.masked.slice(0, 3).map(String).join(', ')})` : '';
        return `${typeName(String(item.type ?? ''), locale, t)} ×${formatNumber(Number(item.count ?? 0))}${masked}`;
      })
      .join('; ');
  if (typeof value === 'number') return formatNumber(value);
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Facts worth showing: empty values (null, "", []) say nothing. */
export function presentFacts(facts: Record<string, unknown>): [string, unknown][] {
  return Object.entries(facts).filter(([, v]) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0));
}
