-- What the evaluation agreement let through to the evaluators about a child whose timeline the hub keeps: the
-- generalised values of the copy delivered to them (month of birth, gender, ethnicity), for the evaluation's
-- record-level extract. Written only when such a copy was delivered (consent to evaluation given); deleted with the
-- timeline. No identifier: the extract's pseudonyms are derived afresh for each month.
CREATE TABLE evaluation_subject (
    timeline_id UUID PRIMARY KEY REFERENCES timeliness_timeline (timeline_id) ON DELETE CASCADE,
    birth_month CHAR(7),
    gender VARCHAR(64),
    ethnicity VARCHAR(200),
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The evaluation's record-level extract of each month, as published (JSON, with its data dictionary): written once
-- with the month's tables and never changed.
CREATE TABLE evaluation_extract (
    release_month CHAR(7) PRIMARY KEY,
    published_at TIMESTAMP WITH TIME ZONE NOT NULL,
    extract VARCHAR(10000000) NOT NULL,
    -- The hub-wide pseudonyms of the children in it, for the sharing log entry of its delivery. Never published.
    subject_pseudonyms VARCHAR(10000000) NOT NULL
);

-- The sending of each month's tables and extract to the evaluators: a replica claims one here before it sends it
-- (the primary key makes the claim), and marks it sent once its Kafka transaction commits; a claim not followed by
-- sent_at within a minute (the replica stopped) may be taken over.
CREATE TABLE evaluation_delivery (
    release_month CHAR(7) NOT NULL,
    -- evaluation-tables or evaluation-extract
    record_type VARCHAR(32) NOT NULL,
    claimed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (release_month, record_type)
);
