-- One row per record id accepted: the content digest that makes a retry recognisable, and the receipt returned.
-- Receipts name fields and reasons, never values.
CREATE TABLE record_receipt (
    record_id UUID PRIMARY KEY,
    sender VARCHAR(64) NOT NULL,
    content_sha256 CHAR(64) NOT NULL,
    state VARCHAR(16) NOT NULL,
    receipt VARCHAR(1000000),
    claimed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
