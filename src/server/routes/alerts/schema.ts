// Request schemas for alerts. `externalId` makes creation idempotent per source, so a
// feeder that retries after a crash does not duplicate alerts.
import { z } from 'zod';
import { csv, idList, pageQuery } from '../../http/pagination.js';
import { severities, tlps } from '../../commands/incident-states.js';

export const alertStatuses = ['new', 'dismissed', 'promoted', 'merged'] as const;

export const alertListQuery = z.object({
  ...pageQuery,
  status: csv(alertStatuses).optional(),
  source: z.string().max(200).optional(),
  label: z.string().max(50).optional(),
  victimOrganizationId: z.coerce.number().int().positive().optional(),
  incidentId: z.coerce.number().int().positive().optional(),
  minScore: z.coerce.number().min(0).max(1).optional(),
  seenAfter: z.iso.datetime({ offset: true }).optional(),
  seenBefore: z.iso.datetime({ offset: true }).optional(),
  q: z.string().trim().min(1).max(200).optional(),
});

export const alertCreateBody = z.object({
  source: z.string().trim().min(1).max(200),
  url: z.url().max(4000).nullable().optional(),
  title: z.string().max(2000).default(''),
  text: z.string().max(200_000).default(''),
  seenAt: z.iso.datetime({ offset: true }),
  facts: z.record(z.string(), z.unknown()).default({}),
  score: z.number().min(0).max(1).default(0),
  label: z.string().max(50).nullable().optional(),
  explain: z.array(z.string().max(1000)).max(100).default([]),
  externalId: z.string().max(500).optional(),
  victimOrganizationId: z.number().int().positive().nullable().optional(),
});

export const dismissBody = z.object({ reason: z.string().trim().min(1).max(2000) });

export const promoteBody = z.object({
  title: z.string().trim().min(1).max(500).optional(),
  severity: z.enum(severities).optional(),
  tlp: z.enum(tlps).optional(),
  victimOrganizationIds: idList.optional(),
  assigneeIds: idList.optional(),
});

export const mergeBody = z.object({ incidentId: z.number().int().positive() });
