-- Lists at scale: every list pages by keyset (cursor), so each list's filter
-- and sort must be one index walk that stops after a page. Each index below
-- leads with a filter column and ends in the list's sort key; the old
-- two-column versions are replaced where the new ones cover them.

-- Case lists (all cases, intake queue, my cases) walk (submitted_at, id).
CREATE INDEX cases_submitted_key_idx ON cases (submitted_at, id);
CREATE INDEX cases_status_submitted_idx ON cases (status, submitted_at, id);
DROP INDEX cases_status_idx;
CREATE INDEX cases_department_submitted_idx ON cases (department_id, submitted_at, id);
CREATE INDEX cases_item_submitted_idx ON cases (item_id, submitted_at, id);
CREATE INDEX cases_applicant_submitted_idx ON cases (applicant_id, submitted_at, id);
DROP INDEX cases_applicant_idx;
CREATE INDEX cases_intake_submitted_idx ON cases (submitted_at, id) WHERE status IN ('submitted', 'supplement_requested');
-- Case number and applicant name filters are prefix matches (LIKE 'x%').
CREATE INDEX cases_case_no_prefix_idx ON cases (case_no text_pattern_ops);
CREATE INDEX cases_applicant_name_prefix_idx ON cases (applicant_name text_pattern_ops);

-- The to-do walks (created_at, id) once for each way a step reaches a person.
CREATE INDEX wf_tasks_assignee_arrival_idx ON wf_tasks (assignee, created_at, id) WHERE status = 'open';
CREATE INDEX wf_tasks_claimed_arrival_idx ON wf_tasks (claimed_by, created_at, id) WHERE status = 'open';
CREATE INDEX wf_tasks_delegate_arrival_idx ON wf_tasks (delegate, created_at, id) WHERE status = 'delegated';
CREATE INDEX wf_tasks_offer_arrival_idx ON wf_tasks (candidate_kind, candidate_values, created_at, id)
  WHERE status = 'open' AND assignee IS NULL AND claimed_by IS NULL;
-- An approver's all-cases list: other departments' cases where one of its steps runs, open or done.
CREATE INDEX wf_tasks_department_offers_idx ON wf_tasks USING gin (candidate_values) WHERE candidate_kind = 'department';

-- 抄送我的: unread first, then the newest.
CREATE INDEX wf_copies_unread_first_idx ON wf_copies (user_id, (read_at IS NOT NULL), sent_at DESC, id DESC);
DROP INDEX wf_copies_user_idx;

-- The supervision stream by case number, by case, by department (by type: events_type_seq_idx).
CREATE INDEX events_case_no_idx ON events (case_no) WHERE case_no IS NOT NULL;
CREATE INDEX events_case_seq_idx ON events (case_id, seq) WHERE case_id IS NOT NULL;
CREATE INDEX events_department_seq_idx ON events (department_id, seq) WHERE department_id IS NOT NULL;
