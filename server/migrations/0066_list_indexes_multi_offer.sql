-- The to-do's walk over steps offered to several candidates at once (rare):
-- its own ordered index, so the walk does not read every open offer of the
-- person's department through the array index to find the few with more
-- than one candidate.
CREATE INDEX wf_tasks_multi_offer_arrival_idx ON wf_tasks (created_at, id)
  WHERE status = 'open' AND assignee IS NULL AND claimed_by IS NULL AND cardinality(candidate_values) > 1;
