-- Single sign-on (issue #14): Tongban is the OpenID Connect provider of the
-- center's other systems. Everything the provider keeps lives here, so several
-- nodes share it and a restart loses no sign-in.

-- The systems that sign their users in through Tongban, registered by the
-- administrator. `secret` is the client secret the provider compares (shown
-- to the administrator once); a disabled client is unknown to the provider.
CREATE TABLE sso_clients (
  client_id                 text PRIMARY KEY,
  name                      text NOT NULL,
  secret                    text NOT NULL,
  redirect_uris             text[] NOT NULL,
  post_logout_redirect_uris text[] NOT NULL DEFAULT '{}',
  backchannel_logout_uri    text,
  enabled                   boolean NOT NULL DEFAULT true,
  created_at                timestamptz NOT NULL,
  updated_at                timestamptz NOT NULL
);

-- The provider's own records (sessions, interactions, grants, codes, tokens),
-- one row per model and id, as oidc-provider's adapter interface wants them.
CREATE TABLE sso_store (
  model       text NOT NULL,
  id          text NOT NULL,
  payload     jsonb NOT NULL,
  grant_id    text,
  uid         text,
  expires_at  timestamptz,
  consumed_at timestamptz,
  PRIMARY KEY (model, id)
);
CREATE INDEX sso_store_grant ON sso_store (grant_id) WHERE grant_id IS NOT NULL;
CREATE INDEX sso_store_uid ON sso_store (model, uid) WHERE uid IS NOT NULL;
CREATE INDEX sso_store_expiry ON sso_store (expires_at);

-- The signing keys (JWKS with private parts) and cookie keys, made at the
-- first start and never in the repository: one row.
CREATE TABLE sso_keys (
  id          boolean PRIMARY KEY DEFAULT true CHECK (id),
  jwks        jsonb NOT NULL,
  cookie_keys text[] NOT NULL,
  created_at  timestamptz NOT NULL
);

-- Which Tongban session each provider session rides on: when the Tongban
-- session ends (sign-out, sign-out everywhere, deactivation…), the provider
-- session ends and every system it reached is told.
CREATE TABLE sso_session_links (
  oidc_session_uid   text PRIMARY KEY,
  tongban_session_id uuid NOT NULL,
  user_id            uuid NOT NULL,
  issuer             text NOT NULL,
  linked_at          timestamptz NOT NULL
);
CREATE INDEX sso_session_links_user ON sso_session_links (user_id);

-- Back-channel logout tokens to deliver (OpenID Connect Back-Channel Logout
-- 1.0): durable, retried with back-off until the client answers 2xx or the
-- attempts run out.
CREATE TABLE sso_logout_deliveries (
  id           bigserial PRIMARY KEY,
  client_id    text NOT NULL,
  issuer       text NOT NULL,
  account_id   text NOT NULL,
  sid          text,
  created_at   timestamptz NOT NULL,
  next_at      timestamptz NOT NULL,
  attempts     integer NOT NULL DEFAULT 0,
  delivered_at timestamptz,
  failed_at    timestamptz,
  last_error   text
);
CREATE INDEX sso_logout_deliveries_due ON sso_logout_deliveries (next_at) WHERE delivered_at IS NULL AND failed_at IS NULL;
