-- How far each agency has acknowledged its HTTPS inbox (GET /v1/inbox): per partition of tg.inbox.<agency>, the
-- offset of the next message not yet acknowledged. It only moves forward, and every hub replica reads it, so an
-- acknowledgement holds across restarts and replicas; what is not acknowledged is served again.
CREATE TABLE inbox_acknowledgement (
    agency VARCHAR(64) NOT NULL,
    source_partition INT NOT NULL,
    next_offset BIGINT NOT NULL,
    acknowledged_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (agency, source_partition)
);
