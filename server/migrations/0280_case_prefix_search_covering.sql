-- Prefix searches (case number, applicant name) on the case lists: a common
-- name prefix matches thousands of cases in a million, and the page wants the
-- newest 50 of them. The prefix indexes now carry each row's sort key
-- (submitted_at, id), so the page's ids are picked from the index alone
-- (an index-only scan and a top-N sort) and only those 50 rows are read
-- from the table (cases/case-list.ts), instead of one heap page per match.
DROP INDEX cases_case_no_prefix_idx;
DROP INDEX cases_applicant_name_prefix_idx;
CREATE INDEX cases_case_no_prefix_idx ON cases (case_no text_pattern_ops) INCLUDE (submitted_at, id);
CREATE INDEX cases_applicant_name_prefix_idx ON cases (applicant_name text_pattern_ops) INCLUDE (submitted_at, id);
