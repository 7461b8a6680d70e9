-- Core schema of the investigation server: PSE registry, users and access, alerts, incidents,
-- tasks, evidence with chain of custody, scan analyses, UU PDP notifications and the audit chain.

CREATE TABLE organizations (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  aliases text[] NOT NULL DEFAULT '{}',
  sector text NOT NULL DEFAULT 'other',
  ownership text NOT NULL DEFAULT 'private' CHECK (ownership IN ('public', 'private')),
  contacts jsonb NOT NULL DEFAULT '[]',
  dpo jsonb,
  domains text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX organizations_name_key ON organizations (lower(name));

CREATE TABLE users (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL,
  name text NOT NULL,
  password_hash text,
  role text NOT NULL CHECK (role IN ('admin', 'analyst', 'investigator', 'pse_officer')),
  organization_id bigint REFERENCES organizations(id),
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((role = 'pse_officer') = (organization_id IS NOT NULL))
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  csrf_hash text NOT NULL,
  user_id bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  prefix text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz
);

CREATE TABLE incidents (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title text NOT NULL,
  summary text NOT NULL DEFAULT '',
  severity text NOT NULL DEFAULT 'medium' CHECK (severity IN ('low', 'medium', 'high', 'critical')),
  tlp text NOT NULL DEFAULT 'amber' CHECK (tlp IN ('clear', 'green', 'amber', 'amber+strict', 'red')),
  status text NOT NULL DEFAULT 'new'
    CHECK (status IN ('new', 'triage', 'investigating', 'pse_notified', 'closed', 'false_positive', 'duplicate')),
  duplicate_of bigint REFERENCES incidents(id),
  pse_notified_at timestamptz,
  acknowledged_at timestamptz,
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX incidents_status ON incidents (status, id DESC);
CREATE INDEX incidents_severity ON incidents (severity, id DESC);

CREATE TABLE incident_organizations (
  incident_id bigint NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  organization_id bigint NOT NULL REFERENCES organizations(id),
  PRIMARY KEY (incident_id, organization_id)
);
CREATE INDEX incident_organizations_org ON incident_organizations (organization_id, incident_id);

CREATE TABLE incident_assignees (
  incident_id bigint NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  user_id bigint NOT NULL REFERENCES users(id),
  PRIMARY KEY (incident_id, user_id)
);
CREATE INDEX incident_assignees_user ON incident_assignees (user_id, incident_id);

CREATE TABLE incident_notes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  incident_id bigint NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  author_id bigint REFERENCES users(id),
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX incident_notes_incident ON incident_notes (incident_id, id);

CREATE TABLE incident_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  incident_id bigint NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  actor_id bigint REFERENCES users(id),
  kind text NOT NULL,
  detail jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX incident_events_incident ON incident_events (incident_id, id);

CREATE TABLE alerts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source text NOT NULL,
  url text,
  title text NOT NULL DEFAULT '',
  text text NOT NULL DEFAULT '',
  seen_at timestamptz NOT NULL,
  facts jsonb NOT NULL DEFAULT '{}',
  score real NOT NULL DEFAULT 0,
  label text,
  explain jsonb NOT NULL DEFAULT '[]',
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'dismissed', 'promoted', 'merged')),
  dismiss_reason text,
  external_id text,
  victim_organization_id bigint REFERENCES organizations(id),
  incident_id bigint REFERENCES incidents(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX alerts_status ON alerts (status, id DESC);
CREATE INDEX alerts_source ON alerts (source, id DESC);
CREATE INDEX alerts_incident ON alerts (incident_id);
CREATE INDEX alerts_victim ON alerts (victim_organization_id, id DESC);
CREATE UNIQUE INDEX alerts_external ON alerts (source, external_id) WHERE external_id IS NOT NULL;

CREATE TABLE tasks (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  incident_id bigint NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  assignee_id bigint REFERENCES users(id),
  due_at timestamptz,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'cancelled')),
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tasks_incident ON tasks (incident_id, id DESC);
CREATE INDEX tasks_assignee ON tasks (assignee_id, id DESC);

CREATE TABLE evidence (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  incident_id bigint NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  file_name text NOT NULL,
  media_type text NOT NULL DEFAULT 'application/octet-stream',
  size_bytes bigint NOT NULL,
  description text NOT NULL DEFAULT '',
  uploaded_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX evidence_incident ON evidence (incident_id, id DESC);
CREATE INDEX evidence_sha256 ON evidence (sha256);

CREATE TABLE custody_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  evidence_id bigint NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,
  user_id bigint REFERENCES users(id),
  action text NOT NULL CHECK (action IN ('upload', 'read', 'download', 'scan')),
  at timestamptz NOT NULL DEFAULT now(),
  ip text
);
CREATE INDEX custody_events_evidence ON custody_events (evidence_id, id);

CREATE TABLE analyses (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  evidence_id bigint NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,
  incident_id bigint NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
  progress real NOT NULL DEFAULT 0,
  attempts integer NOT NULL DEFAULT 0,
  runs_completed integer NOT NULL DEFAULT 0,
  error text,
  report jsonb,
  verification jsonb,
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz
);
CREATE INDEX analyses_incident ON analyses (incident_id, id DESC);
CREATE INDEX analyses_status ON analyses (status);

CREATE TABLE analysis_findings (
  analysis_id bigint NOT NULL REFERENCES analyses(id) ON DELETE CASCADE,
  type text NOT NULL,
  hash text NOT NULL,
  masked text NOT NULL,
  occurrences integer NOT NULL DEFAULT 1,
  PRIMARY KEY (analysis_id, type, hash)
);

CREATE TABLE notifications (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  incident_id bigint NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  organization_id bigint REFERENCES organizations(id),
  data_exposed text NOT NULL,
  exposed_at timestamptz,
  exposure_how text NOT NULL,
  handling text NOT NULL,
  recovery text NOT NULL,
  subjects_estimate bigint,
  contact text NOT NULL DEFAULT '',
  filed_by bigint REFERENCES users(id),
  filed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notifications_incident ON notifications (incident_id, id DESC);

-- The audit chain. Rows are only ever appended: a trigger refuses UPDATE, DELETE and TRUNCATE,
-- and each row's hash covers the previous row's hash, so tampering below the trigger still shows.
CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_id bigint,
  actor text NOT NULL,
  action text NOT NULL,
  target_type text NOT NULL,
  target_id text,
  detail jsonb NOT NULL DEFAULT '{}',
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_target ON audit_log (target_type, target_id, seq);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
