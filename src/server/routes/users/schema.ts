// Request schemas for user administration.
import { z } from 'zod';
import { csv, pageQuery } from '../../http/pagination.js';
import { roles } from '../../policies/roles.js';

export const userListQuery = z.object({
  ...pageQuery,
  role: csv(roles).optional(),
  organizationId: z.coerce.number().int().positive().optional(),
  q: z.string().max(200).optional(),
});

export const userCreateBody = z
  .object({
    email: z.email().max(254),
    name: z.string().trim().min(1).max(200),
    role: z.enum(roles),
    organizationId: z.number().int().positive().nullable().optional(),
    /** Omit to have the server generate a one-time password, returned once. */
    password: z.string().min(12).max(1024).optional(),
  })
  .refine((u) => (u.role === 'pse_officer') === (u.organizationId != null), {
    message: 'pse_officer wajib terikat pada satu organisasi, peran lain tidak / pse_officer needs exactly one organizationId, other roles none',
    path: ['organizationId'],
  });

export const userUpdateBody = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  role: z.enum(roles).optional(),
  organizationId: z.number().int().positive().nullable().optional(),
  disabled: z.boolean().optional(),
  password: z.string().min(12).max(1024).optional(),
});
