-- The monitor's own tables, created here so the server can list source health and accept pushed
-- items before any poller ran. MonitorStore.init() (src/monitor/ingest/store.ts) runs this same
-- file, so IF NOT EXISTS keeps it harmless whichever runs first.
CREATE TABLE IF NOT EXISTS monitor_sources (
  id text PRIMARY KEY,
  state jsonb NOT NULL DEFAULT '{}',
  next_run_at timestamptz NOT NULL DEFAULT now(),
  last_success_at timestamptz,
  last_error text,
  last_error_at timestamptz,
  consecutive_failures integer NOT NULL DEFAULT 0,
  items_total bigint NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS monitor_items (
  source text NOT NULL,
  external_id text NOT NULL,
  content_hash text NOT NULL,
  simhash text NOT NULL,
  label text NOT NULL,
  alert_id bigint,
  duplicate_of bigint,
  ingested_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (source, external_id)
);
CREATE INDEX IF NOT EXISTS monitor_items_hash ON monitor_items (content_hash);
CREATE INDEX IF NOT EXISTS monitor_items_recent ON monitor_items (ingested_at DESC);
