-- Second factor for staff sign-in (issue #14): a TOTP authenticator app
-- (RFC 6238, 6 digits every 30 s) with single-use recovery codes.
-- An administrator may require it of a staff member; such a person enrols at
-- their next sign-in before any session is given.
ALTER TABLE users ADD COLUMN second_factor_required boolean NOT NULL DEFAULT false;

-- One authenticator per account. `confirmed_at` is null while enrolment waits
-- for the first code from the app; `last_step` is the TOTP time step last
-- accepted, so a code is good once (a code seen over a shoulder or replayed
-- from a log is refused).
CREATE TABLE user_totp (
  user_id      uuid PRIMARY KEY REFERENCES users(id),
  secret       text NOT NULL,
  created_at   timestamptz NOT NULL,
  confirmed_at timestamptz,
  last_step    bigint NOT NULL DEFAULT 0
);

-- Recovery codes, stored as SHA-256 hashes (the codes are random, 50 bits
-- each, so a slow hash adds nothing); each is used once.
CREATE TABLE user_recovery_codes (
  user_id   uuid NOT NULL REFERENCES users(id),
  code_hash text NOT NULL,
  used_at   timestamptz,
  PRIMARY KEY (user_id, code_hash)
);
