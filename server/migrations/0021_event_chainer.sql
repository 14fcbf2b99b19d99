-- Events are appended unchained and chained after commit by one chainer.
--
-- Before: every transaction that appended an event locked the chain head row
-- until it committed, so all commands in the system committed one after
-- another. Now a transaction only inserts its event rows (position `pos` from
-- a sequence, no lock); the chainer takes committed, unchained rows in `pos`
-- order, gives each the next `seq`, its predecessor's hash and its own hash,
-- and moves the head. `seq` is the chain order; `pos` is the insertion order.
CREATE SEQUENCE events_pos_seq;
ALTER TABLE events ADD COLUMN pos bigint;
UPDATE events SET pos = seq;
SELECT setval('events_pos_seq', COALESCE(max(pos), 0) + 1, false) FROM events;
ALTER TABLE events ALTER COLUMN pos SET DEFAULT nextval('events_pos_seq'), ALTER COLUMN pos SET NOT NULL;
ALTER SEQUENCE events_pos_seq OWNED BY events.pos;

ALTER TABLE events DROP CONSTRAINT events_pkey;
ALTER TABLE events ADD PRIMARY KEY (pos);
ALTER TABLE events ALTER COLUMN seq DROP NOT NULL, ALTER COLUMN prev_hash DROP NOT NULL, ALTER COLUMN hash DROP NOT NULL;
ALTER TABLE events ADD CONSTRAINT events_chained_together
  CHECK ((seq IS NULL AND prev_hash IS NULL AND hash IS NULL) OR (seq IS NOT NULL AND prev_hash IS NOT NULL AND hash IS NOT NULL));
CREATE UNIQUE INDEX events_seq_key ON events (seq);
CREATE INDEX events_unchained_idx ON events (pos) WHERE seq IS NULL;

DROP INDEX events_case_idx;
CREATE INDEX events_case_idx ON events (case_id, pos);
CREATE INDEX events_type_seq_idx ON events (type, seq);
