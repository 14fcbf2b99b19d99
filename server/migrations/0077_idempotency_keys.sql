-- Idempotency-Key of a command (accept, complete a step): the first answer
-- is kept, and a retry with the same key from the same person gets it again
-- instead of running the command twice. The row is written in the command's
-- own transaction, so it exists exactly when the command committed.
CREATE TABLE idempotent_requests (
  actor_id    uuid NOT NULL REFERENCES users (id),
  key         text NOT NULL,
  -- What the key was used for (method, route and target): the same key for anything else is refused.
  scope       text NOT NULL,
  status      smallint NOT NULL,
  -- The object the answer is about (the case), to re-read the answer when the body was not stored.
  ref         text NOT NULL,
  -- The response body, stored right after the commit; absent if the process died in between (then re-read).
  response    jsonb,
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (actor_id, key)
);
CREATE INDEX idempotent_requests_created ON idempotent_requests (created_at);
