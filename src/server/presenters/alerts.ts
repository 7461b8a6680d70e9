// Output shape of alerts from monitoring or people.
export interface AlertRow {
  id: number;
  source: string;
  url: string | null;
  title: string;
  text: string;
  seen_at: Date;
  facts: Record<string, unknown>;
  score: number;
  label: string | null;
  explain: string[];
  status: string;
  dismiss_reason: string | null;
  external_id: string | null;
  victim_organization_id: number | null;
  incident_id: number | null;
  created_at: Date;
  updated_at: Date;
}

/** Lists carry the first 500 characters of the post; the full text comes with GET /alerts/:id. */
export const excerptLength = 500;
export const alertListColumns = `a.id, a.source, a.url, a.title, left(a.text, ${excerptLength}) AS text, length(a.text) > ${excerptLength} AS text_truncated,
  a.seen_at, a.facts, a.score, a.label, a.explain, a.status, a.dismiss_reason, a.external_id, a.victim_organization_id, a.incident_id, a.created_at, a.updated_at`;

export function presentAlert(row: AlertRow & { text_truncated?: boolean }) {
  return {
    id: row.id,
    source: row.source,
    url: row.url,
    title: row.title,
    text: row.text,
    textTruncated: row.text_truncated ?? false,
    seenAt: row.seen_at,
    facts: row.facts,
    score: row.score,
    label: row.label,
    explain: row.explain,
    status: row.status,
    dismissReason: row.dismiss_reason,
    externalId: row.external_id,
    victimOrganizationId: row.victim_organization_id,
    incidentId: row.incident_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
