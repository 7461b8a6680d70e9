// Where a post points to: the platform of the sale or leak, the seller's handle and the contacts
// (Telegram handles and links, WhatsApp numbers, e-mail/Jabber, Discord).
import type { Contact } from '../facts.js';
import type { Token } from './tokens.js';

/** Platform names by word; forums outrank messengers, which outrank social networks and paste sites. */
const FORUMS = new Map([
  ['breachforums', 'BreachForums'], ['breached', 'BreachForums'], ['raidforums', 'RaidForums'],
]);
const FORUM_PHRASES: ReadonlyArray<[RegExp, string]> = [
  [/\bbreach\s+forums?\b/i, 'BreachForums'], [/\braid\s+forums?\b/i, 'RaidForums'],
  [/\bxss\.is\b/i, 'XSS'], [/\bexploit\.in\b/i, 'Exploit'],
];
const MESSENGERS = new Map([
  ['telegram', 'Telegram'], ['tele', 'Telegram'], ['tg', 'Telegram'], ['whatsapp', 'WhatsApp'],
  ['wa', 'WhatsApp'], ['discord', 'Discord'],
]);
const SOCIAL = new Map([
  ['facebook', 'Facebook'], ['fb', 'Facebook'], ['instagram', 'Instagram'], ['ig', 'Instagram'],
  ['twitter', 'X'], ['pastebin', 'Pastebin'],
]);

export function extractPlatform(text: string, tokens: readonly Token[], hasHandle: boolean): string | null {
  let forum: { at: number; name: string } | null = null;
  for (const [re, name] of FORUM_PHRASES) {
    const m = re.exec(text);
    if (m && (!forum || m.index < forum.at)) forum = { at: m.index, name };
  }
  let messenger: string | null = null;
  let social: string | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word') continue;
    const f = FORUMS.get(t.text);
    if (f && (!forum || t.start < forum.at)) forum = { at: t.start, name: f };
    if (!messenger) {
      if (MESSENGERS.has(t.text)) messenger = MESSENGERS.get(t.text)!;
      else if (t.text === 't' && tokens[i + 1]?.text === '.' && tokens[i + 2]?.text === 'me') messenger = 'Telegram';
    }
    if (!social) {
      if (SOCIAL.has(t.text)) social = SOCIAL.get(t.text)!;
      // "di X", "on X": the network formerly called Twitter, written as a capital letter.
      else if (t.text === 'x' && text[t.start] === 'X' && /^(di|on|at)$/.test(tokens[i - 1]?.text ?? '')) social = 'X';
    }
  }
  return forum?.name ?? messenger ?? social ?? (hasHandle ? 'Telegram' : null);
}

// A Telegram-style handle: "@name" not preceded by a word character (so not an e-mail's domain).
const HANDLE = /(?<![\w@.])@([a-z][a-z0-9_]{3,31})\b/gi;
const TME = /\bt\.me\/(?:s\/)?([a-z][a-z0-9_]{3,31})\b/gi;
const WHATSAPP = /\b(?:wa\.me\/|(?:wa|whatsapp)\s*:?\s*)(\+?(?:62|0)8[\d\s-]{7,16}\d)/gi;
const EMAIL = /\b[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}\b/gi;
const DISCORD = /\bdiscord\s*:\s*([a-z0-9_.]{2,32})\b/gi;
/** "seller: x", "penjual: x", "posted by x", and quoted names after "bernama", "called", "handle". */
const SELLER_LABEL = /\b(?:(?:seller|penjual|vendor)\s*(?::\s*@?|@)|(?:posted|sold|uploaded) by\s+@?)([a-z0-9_][a-z0-9_.]{2,31})/i;
const SELLER_QUOTED = /\b(?:bernama|dengan nama|named|called|handle|alias)\s+['"\u2018\u201c]@?([a-z0-9_][a-z0-9_.]{2,31})['"\u2019\u201d]/i;

export function extractContacts(text: string): Contact[] {
  const contacts: Contact[] = [];
  const seen = new Set<string>();
  const add = (kind: Contact['kind'], value: string) => {
    const key = `${kind}:${value}`;
    if (!seen.has(key)) { seen.add(key); contacts.push({ kind, value }); }
  };
  for (const m of text.matchAll(HANDLE)) add('telegram', `@${m[1]!.toLowerCase()}`);
  for (const m of text.matchAll(TME)) add('telegram', `t.me/${m[1]!.toLowerCase()}`);
  for (const m of text.matchAll(WHATSAPP)) add('whatsapp', normalizeWhatsApp(m[1]!));
  for (const m of text.matchAll(EMAIL)) {
    const value = m[0].toLowerCase();
    add(/jabber|xmpp/.test(text.slice(Math.max(0, m.index - 12), m.index) + value) ? 'jabber' : 'email', value);
  }
  for (const m of text.matchAll(DISCORD)) add('discord', m[1]!.toLowerCase());
  return contacts;
}

function normalizeWhatsApp(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  return `+62${digits.startsWith('62') ? digits.slice(2) : digits.replace(/^0/, '')}`;
}

/** The seller's handle: a labelled or quoted name, a Discord name, or the first Telegram handle. */
export function extractSeller(text: string, contacts: readonly Contact[]): string | null {
  const labelled = SELLER_LABEL.exec(text) ?? SELLER_QUOTED.exec(text);
  if (labelled) return labelled[1]!.toLowerCase().replace(/\.$/, '');
  const discord = contacts.find((c) => c.kind === 'discord');
  if (discord) return discord.value;
  const handle = contacts.find((c) => c.kind === 'telegram' && c.value.startsWith('@'));
  return handle ? handle.value.slice(1) : null;
}
