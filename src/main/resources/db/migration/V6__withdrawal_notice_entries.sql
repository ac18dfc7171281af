-- A withdrawal notice covers sharing-log entries, not a (decision, agency, pseudonym) once and for all: a delivery
-- that relied on a withdrawn decision and is indexed after the first notice gets a notice of its own. Each entry
-- that relied on a withdrawn decision is covered by exactly one notice, recorded when the notice is claimed.
CREATE TABLE withdrawal_notice_sent (
    notice_id UUID PRIMARY KEY,
    decision_id UUID NOT NULL,
    agency VARCHAR(64) NOT NULL,
    recipient_pseudonym VARCHAR(128) NOT NULL,
    claimed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at TIMESTAMP WITH TIME ZONE
);

INSERT INTO withdrawal_notice_sent (notice_id, decision_id, agency, recipient_pseudonym, claimed_at, sent_at)
SELECT notice_id, decision_id, agency, recipient_pseudonym, claimed_at, sent_at FROM withdrawal_notice;

CREATE TABLE withdrawal_notice_entry (
    decision_id UUID NOT NULL,
    entry_index BIGINT NOT NULL,
    notice_id UUID NOT NULL REFERENCES withdrawal_notice_sent (notice_id),
    PRIMARY KEY (decision_id, entry_index)
);

-- A notice sent before covered every entry of its decision, agency and pseudonym indexed by then.
INSERT INTO withdrawal_notice_entry (decision_id, entry_index, notice_id)
SELECT c.decision_id, c.entry_index, n.notice_id FROM withdrawal_notice n
JOIN sharing_log_consent c ON c.decision_id = n.decision_id
JOIN sharing_log_entry e ON e.entry_index = c.entry_index AND e.recipient = n.agency
    AND e.recipient_pseudonym = n.recipient_pseudonym;

DROP TABLE withdrawal_notice;
ALTER TABLE withdrawal_notice_sent RENAME TO withdrawal_notice;
CREATE INDEX withdrawal_notice_unsent ON withdrawal_notice (sent_at, claimed_at);
