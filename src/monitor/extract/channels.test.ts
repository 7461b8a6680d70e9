import { describe, expect, it } from 'vitest';
import { extractFacts } from './index.js';

const facts = (text: string) => extractFacts(text, { scanPii: false });

describe('platform, seller and contacts', () => {
  it('reads Telegram handles and links, WhatsApp numbers and Jabber addresses', () => {
    const f = facts('minat PM tele @KTP_gudang atau t.me/gudangktp, wa 0812-3345-7781, xmpp dumper@jabber.example');
    expect(f.contacts).toEqual([
      { kind: 'telegram', value: '@ktp_gudang' },
      { kind: 'telegram', value: 't.me/gudangktp' },
      { kind: 'whatsapp', value: '+6281233457781' },
      { kind: 'jabber', value: 'dumper@jabber.example' },
    ]);
    expect(f.seller).toBe('ktp_gudang');
    expect(f.platform).toBe('Telegram');
  });

  it('prefers a forum over a messenger, and a labelled seller over a handle', () => {
    const f = facts('Selling on BreachForums, seller: grimreaper_id, backup contact @other_guy on telegram');
    expect(f.platform).toBe('BreachForums');
    expect(f.seller).toBe('grimreaper_id');
  });

  it('finds the seller a news report names in quotes', () => {
    expect(facts("Akun bernama 'garudaleaks' mengunggah sampel").seller).toBe('garudaleaks');
  });

  it('does not take an e-mail domain for a handle', () => {
    const f = facts('contact mandir1leak@jabber.example only');
    expect(f.seller).toBeNull();
    expect(f.platform).toBeNull();
  });
});

describe('data types', () => {
  it('names KTP images and selfies with the card', () => {
    expect(facts('READY KTP + SELFIE HD fresh, minat PM').dataTypes).toEqual(['KTP_IMAGE', 'SELFIE_KTP']);
    expect(facts('Fresh selfie KTP buat verif').dataTypes).toEqual(['SELFIE_KTP']);
  });

  it('maps Indonesian and English field names to the project type ids', () => {
    expect(facts('NIK, KK, nama ibu kandung, tgl lahir, no rek, rekam medis').dataTypes)
      .toEqual(['NIK', 'KK', 'BANK_ACCOUNT', 'DATE_OF_BIRTH', 'MOTHER_MAIDEN_NAME', 'HEALTH']);
    expect(facts('usernames, passwords and ip addresses').dataTypes).toEqual(['PASSWORD', 'IP_ADDRESS']);
  });
});

describe('personal data inside the post', () => {
  it('reports masked findings from the scan engine, never the raw values', () => {
    const f = extractFacts('nik|nama\n3171014509900002|SITI\nhp 081234567890', { asOf: new Date('2024-06-01') });
    const types = f.pii.map((p) => p.type);
    expect(types).toContain('NIK');
    expect(JSON.stringify(f.pii)).not.toContain('3171014509900002');
    expect(JSON.stringify(f.pii)).not.toContain('081234567890');
  });
});
