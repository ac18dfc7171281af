-- The evaluation's monthly tables as the hub published them (contracts/disclosure.yaml, GET /v1/evaluation/tables):
-- one row per month and table, written once and never changed, so that the same month always reads the same and
-- next month's tables are protected beside these. Counts only: nothing here names a child.
CREATE TABLE evaluation_release (
    release_month CHAR(7) NOT NULL,
    table_name VARCHAR(64) NOT NULL,
    -- The first month the year to date counts: April, or the first month the hub published in that year.
    year_to_date_from CHAR(7) NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE NOT NULL,
    -- The year to date's counts before protection (JSON), which next month's counts are added to. Never published.
    year_to_date_counts VARCHAR(200000) NOT NULL,
    -- The month's table and the year to date's, as published (JSON).
    month_table VARCHAR(200000) NOT NULL,
    year_to_date_table VARCHAR(200000) NOT NULL,
    PRIMARY KEY (release_month, table_name)
);
