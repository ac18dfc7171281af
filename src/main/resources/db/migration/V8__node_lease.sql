-- Each running replica holds a lease on its node id, renewed every few seconds, so that a second hub started with
-- the same id (whose Kafka writers would fence the first one's) is refused at start (portable SQL).
CREATE TABLE hub_node_lease (
    node_id VARCHAR(63) PRIMARY KEY,
    holder UUID NOT NULL,
    renewed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
