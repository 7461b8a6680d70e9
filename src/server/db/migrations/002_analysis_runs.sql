-- Each claim of an analysis by a worker gets a run token; only the holder of the latest token
-- may write the result, so a job picked up twice (stalled worker, restart) is recorded once.
ALTER TABLE analyses ADD COLUMN run_token text;
ALTER TABLE analyses ADD COLUMN types text[];
