-- Each child's resettlement timeline (contracts/timeliness.yaml): only the dates and agencies the milestones need,
-- never a name, an identifier or free text. A timeline is found by any of the child's hub-wide pseudonyms, as the
-- sharing log and consent are; it is deleted a configured time after release.
CREATE TABLE timeliness_timeline (
    timeline_id UUID PRIMARY KEY,
    admitted_on DATE,
    release_on DATE,
    responsible_yot VARCHAR(64),
    establishment VARCHAR(64),
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE timeliness_subject (
    pseudonym VARCHAR(128) PRIMARY KEY,
    timeline_id UUID NOT NULL REFERENCES timeliness_timeline (timeline_id) ON DELETE CASCADE
);

CREATE INDEX timeliness_subject_timeline ON timeliness_subject (timeline_id);

CREATE TABLE timeliness_met (
    timeline_id UUID NOT NULL REFERENCES timeliness_timeline (timeline_id) ON DELETE CASCADE,
    milestone VARCHAR(64) NOT NULL,
    met_on DATE NOT NULL,
    PRIMARY KEY (timeline_id, milestone)
);
