-- Each claim on a record id carries a token of its own: completing or releasing a claim must name it, so that a
-- request whose claim was taken over (it was slow enough to be taken for abandoned) cannot complete or release the
-- claim that replaced it.
ALTER TABLE record_receipt ADD COLUMN claim_token UUID;
