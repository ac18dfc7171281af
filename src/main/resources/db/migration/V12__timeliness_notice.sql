-- Timeliness notices (contracts/timeliness.yaml). Each timeline keeps the key its child's notices go under: the
-- child's pseudonym under the notices' agreement version, which is the key of the records its recipients already
-- hold. A notice is claimed here by one replica before it is sent (the primary key makes the claim), and marked
-- sent once its Kafka transaction commits; a claim that lapses is taken over and the same notice sent again.
ALTER TABLE timeliness_timeline ADD COLUMN notice_key VARCHAR(128);

CREATE TABLE timeliness_notice (
    notice_id UUID PRIMARY KEY,
    -- the child's timeline, or null for a digest
    timeline_id UUID REFERENCES timeliness_timeline (timeline_id) ON DELETE CASCADE,
    milestone VARCHAR(64),
    -- at-risk, missed, met, no-longer-due, or digest
    state VARCHAR(16) NOT NULL,
    due_on DATE,
    -- the day the notice is for: the first day of its state, or of the reminder, or the digest's day
    occasion DATE NOT NULL,
    claimed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at TIMESTAMP WITH TIME ZONE
);

CREATE INDEX timeliness_notice_timeline ON timeliness_notice (timeline_id, milestone);
