// The incident vocabulary that the server enforces and the web app offers: statuses with their
// allowed moves, severities and TLP labels. No imports, so the browser bundle can share it.

export const incidentStatuses = ['new', 'triage', 'investigating', 'pse_notified', 'closed', 'false_positive', 'duplicate'] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];

/** Allowed moves. Terminal states can be reopened to triage; pse_notified can go back to investigating. */
export const transitions: Record<IncidentStatus, IncidentStatus[]> = {
  new: ['triage', 'investigating', 'false_positive', 'duplicate'],
  triage: ['investigating', 'false_positive', 'duplicate'],
  investigating: ['pse_notified', 'closed', 'false_positive', 'duplicate'],
  pse_notified: ['investigating', 'closed'],
  closed: ['triage'],
  false_positive: ['triage'],
  duplicate: ['triage'],
};

export const severities = ['low', 'medium', 'high', 'critical'] as const;
export const tlps = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
