-- The audit log chained after commit (issues 9 and 14). A look used to take
-- one advisory lock across the whole cluster and hold it through its commit,
-- so every audited read of every node waited its turn on one WAL flush. Rows
-- are now inserted side by side (`pos`, insertion order) and given their
-- place in the chain (`seq`, `prev_hash`, `hash`) by a chainer after they
-- commit, as the event stream's are (platform/audit/log.ts).

ALTER TABLE audit_log ADD COLUMN pos bigint;
CREATE SEQUENCE audit_log_pos_seq OWNED BY audit_log.pos;
-- The one rewrite of existing rows: their insertion order is their chain order.
ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
UPDATE audit_log SET pos = seq;
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;
SELECT setval('audit_log_pos_seq', COALESCE((SELECT max(pos) FROM audit_log), 0) + 1, false);
ALTER TABLE audit_log ALTER COLUMN pos SET DEFAULT nextval('audit_log_pos_seq');
ALTER TABLE audit_log ALTER COLUMN pos SET NOT NULL;

ALTER TABLE audit_log DROP CONSTRAINT audit_log_pkey;
ALTER TABLE audit_log ADD PRIMARY KEY (pos);
CREATE UNIQUE INDEX audit_log_seq_idx ON audit_log (seq);
ALTER TABLE audit_log ALTER COLUMN seq DROP NOT NULL;
ALTER TABLE audit_log ALTER COLUMN prev_hash DROP NOT NULL;
ALTER TABLE audit_log ALTER COLUMN hash DROP NOT NULL;
-- The chainer's probe and pick.
CREATE INDEX audit_log_unchained ON audit_log (pos) WHERE seq IS NULL;

-- The chain's head: held by one chainer at a time for its short transaction.
CREATE TABLE audit_chain_head (
  id        boolean PRIMARY KEY DEFAULT true CHECK (id),
  last_seq  bigint NOT NULL,
  last_hash text NOT NULL
);
INSERT INTO audit_chain_head (id, last_seq, last_hash)
SELECT true, COALESCE((SELECT max(seq) FROM audit_log), 0),
       COALESCE((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), repeat('0', 64));

-- Still append-only: the one change allowed gives an unchained row its place
-- in the chain, and nothing else of it.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.seq IS NULL AND NEW.seq IS NOT NULL AND NEW.hash IS NOT NULL
     AND (NEW.pos, NEW.at, NEW.actor_id, NEW.actor_name, NEW.actor_role, NEW.action, NEW.target_type, NEW.target_id, NEW.address, NEW.result, NEW.detail)
         IS NOT DISTINCT FROM
         (OLD.pos, OLD.at, OLD.actor_id, OLD.actor_name, OLD.actor_role, OLD.action, OLD.target_type, OLD.target_id, OLD.address, OLD.result, OLD.detail)
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
