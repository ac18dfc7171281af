-- Consent decisions. The child is held only as hub-wide pseudonyms (consent_subject), never as identifiers.
CREATE TABLE consent_decision (
    id UUID PRIMARY KEY,
    purpose VARCHAR(64) NOT NULL,
    provision VARCHAR(8) NOT NULL,
    scope_recipients VARCHAR(4000) NOT NULL,
    scope_recipient_kinds VARCHAR(200) NOT NULL,
    scope_record_types VARCHAR(1000) NOT NULL,
    valid_from DATE NOT NULL,
    valid_until DATE,
    decided_by_role VARCHAR(32) NOT NULL,
    decided_by_description VARCHAR(200),
    competence_assessed_by VARCHAR(200),
    competence_assessed_on DATE,
    competence_outcome BOOLEAN,
    recorded_by VARCHAR(64) NOT NULL,
    evidence_reference VARCHAR(200) NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    withdrawn_at TIMESTAMP WITH TIME ZONE,
    withdrawn_by VARCHAR(64),
    withdrawal_evidence_reference VARCHAR(200)
);

CREATE TABLE consent_subject (
    decision_id UUID NOT NULL REFERENCES consent_decision (id),
    pseudonym VARCHAR(64) NOT NULL,
    PRIMARY KEY (decision_id, pseudonym)
);

CREATE INDEX consent_subject_pseudonym ON consent_subject (pseudonym);
CREATE INDEX consent_decision_recorded_by ON consent_decision (recorded_by);
