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

export function presentAlert(row: AlertRow) {
  return {
    id: row.id,
    source: row.source,
    url: row.url,
    title: row.title,
    text: row.text,
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
