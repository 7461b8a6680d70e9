// Output shape of incidents, with victims, assignees and the computed UU PDP clock.
import { pdpClock } from '../pdp/clock.js';

/** Columns for list and detail: victims and assignees folded in, so one query serves a page. */
export const incidentSelect = `SELECT i.*,
  (SELECT COALESCE(json_agg(json_build_object('id', o.id, 'name', o.name) ORDER BY o.name), '[]')
     FROM incident_organizations io JOIN organizations o ON o.id = io.organization_id WHERE io.incident_id = i.id) AS victims,
  (SELECT COALESCE(json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY u.name), '[]')
     FROM incident_assignees ia JOIN users u ON u.id = ia.user_id WHERE ia.incident_id = i.id) AS assignees,
  (SELECT min(n.filed_at) FROM notifications n WHERE n.incident_id = i.id) AS first_notification_at
FROM incidents i`;

export interface IncidentRow {
  id: number;
  title: string;
  summary: string;
  severity: string;
  tlp: string;
  status: string;
  duplicate_of: number | null;
  pse_notified_at: Date | null;
  acknowledged_at: Date | null;
  created_by: number | null;
  created_at: Date;
  updated_at: Date;
  victims: { id: number; name: string }[];
  assignees: { id: number; name: string }[];
  first_notification_at: Date | null;
}

export function presentIncident(row: IncidentRow, now: Date) {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    severity: row.severity,
    tlp: row.tlp,
    status: row.status,
    duplicateOf: row.duplicate_of,
    victims: row.victims,
    assignees: row.assignees,
    pseNotifiedAt: row.pse_notified_at,
    acknowledgedAt: row.acknowledged_at,
    deadline: pdpClock(row.pse_notified_at, row.first_notification_at, now),
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
