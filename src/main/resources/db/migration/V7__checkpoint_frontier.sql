-- Each signed checkpoint keeps the frontier (the perfect subtrees' roots) of the tree it signed, so that the next
-- checkpoint can be proved consistent with it from the leaves added since, without rereading the whole log.
ALTER TABLE sharing_log_checkpoint ADD COLUMN frontier VARCHAR(4000);
