-- Every whole-log verification a DPO ran, from the API or the console: when, by whom, how far it got and what it
-- found, so that the console's overview can say when the log was last verified and with what outcome, whichever
-- replica ran it.
CREATE TABLE log_verification_run (
    run_id UUID PRIMARY KEY,
    requested_by VARCHAR(64) NOT NULL,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE,
    total_entries BIGINT,
    checked_entries BIGINT NOT NULL,
    verified BOOLEAN,
    first_failure_index BIGINT,
    first_failure VARCHAR(1000)
);
