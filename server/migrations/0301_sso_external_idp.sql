-- Staff sign-in with an external OpenID Connect provider (issue #14): the
-- provider's subject, once linked, names one staff account for good.
CREATE TABLE sso_external_identities (
  issuer    text NOT NULL,
  subject   text NOT NULL,
  user_id   uuid NOT NULL,
  linked_at timestamptz NOT NULL,
  PRIMARY KEY (issuer, subject),
  UNIQUE (issuer, user_id)
);

-- A sign-in under way at the external provider: its state, nonce and PKCE
-- verifier (so any node may take the callback), and, when a signed-in staff
-- member started it to link their account, who.
CREATE TABLE sso_external_flows (
  state        text PRIMARY KEY,
  nonce        text NOT NULL,
  verifier     text NOT NULL,
  link_user_id uuid,
  return_to    text,
  created_at   timestamptz NOT NULL
);
