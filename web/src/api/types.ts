// Shapes the server's presenters answer with (src/server/presenters). Dates arrive as ISO strings.
import type { IncidentStatus, severities, tlps } from '../../../src/server/commands/incident-states.js';
import type { ScanReport } from '../../../src/scan/report.js';

export { incidentStatuses, severities, tlps, transitions, type IncidentStatus } from '../../../src/server/commands/incident-states.js';
/** The scan report contract (version 1), as the server stores it with each analysis. */
export type { ScanReport } from '../../../src/scan/report.js';
export type Role = 'admin' | 'analyst' | 'investigator' | 'pse_officer';
export type Page<T> = { items: T[]; nextCursor: string | null };

export type User = { id: number; email: string; name: string; role: Role; organizationId: number | null; disabled: boolean; createdAt: string };

export type Contact = { name?: string; role?: string; email?: string; phone?: string };
export type Organization = {
  id: number;
  name: string;
  aliases: string[];
  sector: string;
  ownership: 'public' | 'private';
  contacts: Contact[];
  dpo: Contact | null;
  domains: string[];
};

export type AlertStatus = 'new' | 'dismissed' | 'promoted' | 'merged';
/** Facts the monitor extracted from a post; any of them may be missing. */
export type AlertFacts = {
  recordCount?: number;
  size?: string;
  sizeBytes?: number;
  price?: string;
  victim?: string;
  seller?: string;
  dataTypes?: string[];
  [other: string]: unknown;
};
export type Alert = {
  id: number;
  source: string;
  url: string | null;
  title: string;
  text: string;
  seenAt: string;
  facts: AlertFacts;
  score: number;
  label: string | null;
  explain: string[];
  status: AlertStatus;
  dismissReason: string | null;
  victimOrganizationId: number | null;
  incidentId: number | null;
};

export type ClockState = 'not_started' | 'running' | 'overdue' | 'met' | 'met_late';
export type PdpClock = { state: ClockState; startedAt: string | null; dueAt: string | null; remainingMs: number | null; metAt: string | null };
export type Named = { id: number; name: string };
export type Incident = {
  id: number;
  title: string;
  summary: string;
  severity: (typeof severities)[number];
  tlp: (typeof tlps)[number];
  status: IncidentStatus;
  duplicateOf: number | null;
  victims: Named[];
  assignees: Named[];
  pseNotifiedAt: string | null;
  acknowledgedAt: string | null;
  deadline: PdpClock;
  createdAt: string;
  updatedAt: string;
};


export type TimelineEvent = { id: number; kind: string; detail: Record<string, unknown>; actor: Named | null; at: string };
export type Note = { id: number; body: string; author: Named | null; createdAt: string };
export type Task = { id: number; title: string; description: string; assigneeId: number | null; dueAt: string | null; status: 'open' | 'in_progress' | 'done' | 'cancelled' };
export type ApiToken = { id: number; userId: number; name: string; prefix: string; createdAt: string; expiresAt: string | null; lastUsedAt: string | null; revokedAt: string | null };
export type AuditRow = { seq: number; at: string; actorId: number | null; actor: string; action: string; targetType: string; targetId: string | null; detail: unknown; hash: string };
export type AuditVerdict = { ok: boolean; rows: number; brokenSeq?: number; reason?: string; head?: string };

export type Evidence = { id: number; incidentId: number; sha256: string; fileName: string; mediaType: string; sizeBytes: number; description: string; createdAt: string; deduplicated?: boolean };
export type Shares = { valid: number; invalid: number; distinct: number; validShare: number; invalidShare: number; duplicateShare: number };
export type SampleVerification = { records: number; distinctSubjects: number; overall: Shares; byType: Record<string, Shares & { approximate: boolean }> };
export type AnalysisStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
export type Analysis = {
  id: number;
  evidenceId: number;
  incidentId: number;
  status: AnalysisStatus;
  progress: number;
  attempts: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  report?: ScanReport | null;
  verification?: SampleVerification | null;
};
