-- 申请人/受理人回避 (issue 14): an item may keep the person who applied for a
-- case, or who took it in or accepted it at the window, from handling its
-- approval steps. On for every item unless the catalogue turns it off; the
-- check reads the item's current setting (a rule about staff, not a term of
-- the application), so turning it on reaches the steps already open.
ALTER TABLE service_items ADD COLUMN separate_duties boolean NOT NULL DEFAULT true;

-- Who accepted the case (受理人); null for a deemed acceptance (第三十二条) and
-- for cases not accepted yet. Earlier cases take it from their acceptance event.
ALTER TABLE cases ADD COLUMN accepted_by uuid REFERENCES users(id);
UPDATE cases c SET accepted_by = e.actor_id
  FROM events e
 WHERE e.case_id = c.id AND e.type = 'case.accepted' AND e.actor_id IS NOT NULL AND c.accepted_by IS NULL;
