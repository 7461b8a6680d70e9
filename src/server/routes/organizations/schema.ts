// Schemas of the PSE registry: organizations with aliases, sector, contacts, DPO and domains.
import { z } from 'zod';
import { pageQuery } from '../../http/pagination.js';

const contact = z.object({
  name: z.string().max(200).optional(),
  role: z.string().max(200).optional(),
  email: z.email().max(254).optional(),
  phone: z.string().max(50).optional(),
});

const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'nama domain tidak valid / invalid domain name');

export const organizationBody = z.object({
  name: z.string().trim().min(1).max(300),
  aliases: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
  sector: z.string().trim().min(1).max(100).default('other'),
  ownership: z.enum(['public', 'private']).default('private'),
  contacts: z.array(contact).max(50).default([]),
  dpo: contact.nullable().default(null),
  domains: z.array(domain).max(100).default([]),
});

export const organizationPatch = organizationBody.partial();

export const organizationListQuery = z.object({
  ...pageQuery,
  /** Matches the name, any alias, or an owned domain (case-insensitive). */
  q: z.string().trim().min(1).max(200).optional(),
  sector: z.string().max(100).optional(),
  ownership: z.enum(['public', 'private']).optional(),
  domain: z.string().trim().toLowerCase().max(253).optional(),
});
