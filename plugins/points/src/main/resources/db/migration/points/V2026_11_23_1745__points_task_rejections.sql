-- A branch may send a completed task back to its member (退回) with a reason instead of approving it: the task returns
-- to CLAIMED and the latest refusal is kept beside it, so the member sees what to redo.
ALTER TABLE points_tasks
    ADD COLUMN rejected_by    varchar(255),
    ADD COLUMN rejected_at    timestamptz,
    ADD COLUMN rejection_note varchar(500),
    ADD CONSTRAINT points_tasks_not_own_rejection CHECK (rejected_by IS NULL OR rejected_by <> claimed_by);
