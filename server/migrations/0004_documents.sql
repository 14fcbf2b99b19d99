-- Notices issued to applicants (受理、不予受理、补正材料（一次性告知）、办结通知书),
-- each a PDF written once at the outcome, in the same transaction
-- (docs/notices.md). The file lives under <dataDir>/documents/ with a
-- generated name; the row keeps its hash so an altered file is refused.

-- Per kind per year: the running number in 受字〔2026〕第 0001 号.
CREATE TABLE document_sequences (
  kind        text NOT NULL,
  year        int NOT NULL,
  last_value  int NOT NULL,
  PRIMARY KEY (kind, year)
);

CREATE TABLE documents (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id       uuid NOT NULL REFERENCES cases(id),
  kind          text NOT NULL CHECK (kind IN ('acceptance','refusal','supplement','conclusion')),
  number        text NOT NULL UNIQUE,
  title         text NOT NULL,
  stored_name   text NOT NULL UNIQUE,
  sha256        text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes    int NOT NULL CHECK (size_bytes > 0),
  -- The URL the QR code carries (the progress page with case number and query code).
  qr_payload    text NOT NULL,
  issued_at     timestamptz NOT NULL,
  -- Null when the system issued it (第三十二条 deemed acceptance).
  issued_by     uuid REFERENCES users(id)
);
CREATE INDEX documents_case_idx ON documents (case_id, issued_at);
