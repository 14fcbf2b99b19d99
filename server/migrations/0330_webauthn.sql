-- Security keys (WebAuthn) as a second factor of staff sign-in (issue 14):
-- a hardware key, a phone or the computer's own fingerprint reader, as an
-- alternative to the TOTP authenticator app of 0210. A person with either
-- must pass one of them at sign-in.

-- One row per key a person registered. The public key is what the key sent
-- at registration (COSE); `sign_count` is the authenticator's counter last
-- seen, so a cloned key that replays an older count is refused. `name` is the
-- person's own label ("办公电脑指纹"), shown in their list.
CREATE TABLE webauthn_credentials (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id       uuid NOT NULL REFERENCES users(id),
  credential_id text NOT NULL UNIQUE,
  public_key    bytea NOT NULL,
  sign_count    bigint NOT NULL DEFAULT 0,
  transports    text[] NOT NULL DEFAULT '{}',
  name          text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 40),
  created_at    timestamptz NOT NULL,
  last_used_at  timestamptz
);
CREATE INDEX webauthn_credentials_user ON webauthn_credentials (user_id);

-- The challenge of a ceremony under way, one per person and purpose: a new
-- one replaces the old, and the verification deletes it, so each is good once
-- and the table holds at most two rows per person.
CREATE TABLE webauthn_challenges (
  user_id    uuid NOT NULL REFERENCES users(id),
  purpose    text NOT NULL CHECK (purpose IN ('register', 'authenticate')),
  challenge  text NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, purpose)
);
