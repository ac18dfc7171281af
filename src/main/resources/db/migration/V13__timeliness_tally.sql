-- What deleted timelines counted for the timeliness statistics (GET /v1/timeliness): when a child's timeline is
-- deleted, a configured time after release, its release and milestone outcomes are added here, by the month of
-- release and the responsible YOT, in the same transaction. Counts only: nothing here names a child.
CREATE TABLE timeliness_tally (
    release_month CHAR(7) NOT NULL,
    borough VARCHAR(64) NOT NULL,
    -- releases, met-on-time, met-late, missed or open
    measure VARCHAR(16) NOT NULL,
    children BIGINT NOT NULL,
    PRIMARY KEY (release_month, borough, measure)
);
