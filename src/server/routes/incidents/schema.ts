// Request schemas for incidents.
import { z } from 'zod';
import { csv, idList, pageQuery } from '../../http/pagination.js';
import { incidentStatuses, severities, tlps } from '../../commands/incident-states.js';


export const incidentListQuery = z.object({
  ...pageQuery,
  status: csv(incidentStatuses).optional(),
  severity: csv(severities).optional(),
  tlp: csv(tlps).optional(),
  organizationId: z.coerce.number().int().positive().optional(),
  assigneeId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().min(1).max(200).optional(),
  /** running | overdue | met | met_late | not_started */
  deadline: z.enum(['not_started', 'running', 'overdue', 'met', 'met_late']).optional(),
});

export const incidentCreateBody = z.object({
  title: z.string().trim().min(1).max(500),
  summary: z.string().max(20_000).optional(),
  severity: z.enum(severities).optional(),
  tlp: z.enum(tlps).optional(),
  victimOrganizationIds: idList.optional(),
  assigneeIds: idList.optional(),
});

export const incidentPatchBody = incidentCreateBody.partial();

export const transitionBody = z.object({
  status: z.enum(incidentStatuses),
  duplicateOf: z.number().int().positive().optional(),
  reason: z.string().max(2000).optional(),
});

export const noteBody = z.object({ body: z.string().trim().min(1).max(20_000) });
