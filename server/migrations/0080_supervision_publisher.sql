-- 监察负责人 (supervision leader): runs the supervision platform (registers
-- event sources, reads everything supervisors read).
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check
  CHECK (role IN ('applicant','clerk','approver','manager','supervisor','admin','agency_head','government_head','supervision_leader'));

-- How the approval side publishes its event stream to a supervision
-- platform when no TONGBAN_SUPERVISION_URL is configured: the source id and
-- key of the center's own source on the platform in this same process.
CREATE TABLE supervision_publisher (
  id         boolean PRIMARY KEY DEFAULT true CHECK (id),
  source_id  text NOT NULL,
  secret     text NOT NULL,
  created_at timestamptz NOT NULL
);

-- Window staff sign in and out at their window (考勤): the last state per clerk.
CREATE TABLE window_attendance (
  user_id    uuid PRIMARY KEY REFERENCES users(id),
  signed_in  boolean NOT NULL,
  at         timestamptz NOT NULL
);
