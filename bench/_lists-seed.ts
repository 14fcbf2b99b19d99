/**
 * Bulk seeding for `npm run bench -- lists`: N cases with their process
 * instances, steps, copies and events in a few set-based statements
 * (generate_series), shaped as the commands leave them: case numbers
 * YYYYMMDD-DEPT-NNNN per day and department, an applicant profile per account,
 * one review step per accepted case offered to the item's department, the
 * case's events in time order. Two years of submissions, the newest 2 %
 * waiting at intake (every fourth 待补正), the next 8 % accepted with an open
 * step, the rest concluded (80 % approved, 10 % denied, 10 % refused).
 *
 * One difference from the commands: the events' hashes are not chained (the
 * chain is a sequential computation); every row has its seq, prev_hash and a
 * hash, so the stream reads as usual, but `tongban events verify` would report
 * the first seeded row. The benchmark reads lists only.
 */
import type { Db } from '../server/src/platform/db/pool.ts';

export const BENCH_APPLICANTS = 10_000;
/** The accounts with the longest histories (a tenth of all cases between them): the "mine" clients log in as these. */
export const HEAVY_APPLICANTS = 50;
export const BENCH_PREFIX = 'bench_applicant_';

const SURNAMES = "(ARRAY['张','王','李','赵','刘','陈','杨','黄','周','吴','徐','孙','马','朱','胡','郭'])";
const GIVEN = "(ARRAY['伟','芳','娜','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛','明'])";

export async function seededCases(db: Db): Promise<number> {
  const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM cases WHERE idempotency_key LIKE 'bench-%'");
  return rows[0]!.n;
}

/** Seeds `n` cases; returns the seconds each part took. */
export async function seedLists(db: Db, n: number, log: (line: string) => void): Promise<Record<string, number>> {
  const times: Record<string, number> = {};
  const step = async (name: string, sql: string, params: unknown[] = []) => {
    const start = performance.now();
    const client = await db.connect();
    try {
      await client.query('SET synchronous_commit = off');
      await client.query("SET maintenance_work_mem = '256MB'");
      await client.query("SET work_mem = '128MB'");
      const res = await client.query(sql, params);
      times[name] = Math.round((performance.now() - start) / 100) / 10;
      log(`  ${name}: ${res.rowCount ?? 0} rows, ${times[name]} s`);
    } finally {
      client.release();
    }
  };

  // Applicants: accounts with the demo password (so the benchmark logs in as usual) and their profiles; every fifth a company.
  await step('applicants', `
    INSERT INTO users (username, password_hash, display_name, role, created_at)
    SELECT '${BENCH_PREFIX}' || g, (SELECT password_hash FROM users WHERE username = 'citizen'),
           CASE WHEN g % 5 = 0 THEN ${SURNAMES}[1 + g % 16] || ${GIVEN}[1 + (g / 16) % 16] || '科技有限公司' || g
                ELSE ${SURNAMES}[1 + g % 16] || ${GIVEN}[1 + (g / 16) % 16] || ${GIVEN}[1 + (g / 256) % 16] END,
           'applicant', timestamptz '2024-12-01 00:00+08'
      FROM generate_series(1, $1::int) g`, [BENCH_APPLICANTS]);
  await step('applicant profiles', `
    INSERT INTO applicants (kind, name, user_id)
    SELECT CASE WHEN substr(u.username, ${BENCH_PREFIX.length + 1})::int % 5 = 0 THEN 'enterprise' ELSE 'person' END, u.display_name, u.id
      FROM users u WHERE u.username LIKE '${BENCH_PREFIX}%'`);

  // Cases, oldest first; g = 1 is two years before 2026-12-01, g = n the newest.
  await step('cases', `
    WITH items AS (
      SELECT (row_number() OVER (ORDER BY i.code)) - 1 AS k, i.id, i.department_id, d.code AS dept, i.promised_days, i.legal_days,
             i.limit_unit, i.item_type, (SELECT v.id FROM item_versions v WHERE v.item_id = i.id AND v.status = 'published') AS version_id
        FROM service_items i JOIN departments d ON d.id = i.department_id WHERE i.enabled),
    people AS (
      SELECT substr(u.username, ${BENCH_PREFIX.length + 1})::int - 1 AS k, u.id AS user_id, a.id AS profile_id, a.name
        FROM users u JOIN applicants a ON a.user_id = u.id WHERE u.username LIKE '${BENCH_PREFIX}%'),
    raw AS (
      SELECT g, $1::int - g AS age,
             date_trunc('milliseconds', timestamptz '2026-12-01 08:00+08' - ($1::int - g) * (interval '730 days' / $1::int)) AS at,
             CASE WHEN g % 10 = 0 THEN (g / 10) % ${HEAVY_APPLICANTS} ELSE g % ${BENCH_APPLICANTS} END AS who
        FROM generate_series(1, $1::int) g),
    shaped AS (
      SELECT r.*, i.id AS item_id, i.department_id, i.dept, i.promised_days, i.legal_days, i.limit_unit, i.item_type, i.version_id,
             p.user_id, p.profile_id, p.name,
             CASE WHEN r.age < $1::int * 0.02 THEN CASE WHEN r.g % 4 = 0 THEN 'supplement_requested' ELSE 'submitted' END
                  WHEN r.age < $1::int * 0.10 THEN 'accepted'
                  WHEN r.g % 10 = 0 THEN 'refused' WHEN r.g % 10 = 1 THEN 'denied' ELSE 'approved' END AS status
        FROM raw r JOIN items i ON i.k = r.g % (SELECT count(*) FROM items) JOIN people p ON p.k = r.who)
    INSERT INTO cases (case_no, query_code, item_id, department_id, applicant_id, applicant_name, status, form_data, idempotency_key,
                       submitted_at, accepted_at, concluded_at, promised_days, legal_days, limit_unit, handling,
                       due_at, legal_due_at, notice_due_at, applicant_profile_id, channel, item_version_id)
    SELECT to_char(s.at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-' || s.dept || '-'
             || lpad((row_number() OVER (PARTITION BY (s.at AT TIME ZONE 'Asia/Shanghai')::date, s.dept ORDER BY s.g))::text, 4, '0'),
           translate(upper(substr(md5(s.g::text), 1, 6)), '01', 'AB'), s.item_id, s.department_id, s.user_id, s.name, s.status,
           '{}'::jsonb, 'bench-' || s.g, s.at,
           CASE WHEN s.status IN ('accepted', 'approved', 'denied') THEN s.at + interval '1 hour' END,
           CASE WHEN s.status IN ('approved', 'denied', 'refused') THEN s.at + interval '5 days' END,
           s.promised_days, s.legal_days, s.limit_unit, CASE WHEN s.item_type = 'joint' THEN 'joint' ELSE 'single' END,
           CASE WHEN s.status <> 'submitted' AND s.status <> 'supplement_requested' AND s.status <> 'refused' THEN s.at + interval '28 days' END,
           CASE WHEN s.status <> 'submitted' AND s.status <> 'supplement_requested' AND s.status <> 'refused' THEN s.at + interval '28 days' END,
           CASE WHEN s.status = 'submitted' THEN s.at + interval '7 days' END,
           s.profile_id, 'online', s.version_id
      FROM shaped s ORDER BY s.g`, [n]);

  // A process instance and one review step for every accepted case (open while the case is), offered to the item's department.
  await step('process instances', `
    INSERT INTO wf_instances (id, definition_id, root_id, business_key, case_id, status, variables, started_by, started_at, ended_at)
    SELECT c.instance_id, (SELECT id FROM wf_definitions WHERE status = 'published' ORDER BY key LIMIT 1), c.instance_id, c.case_no, c.id,
           CASE WHEN c.status = 'accepted' THEN 'running' ELSE 'completed' END, '{}'::jsonb, NULL, c.accepted_at, c.concluded_at
      FROM (SELECT gen_random_uuid() AS instance_id, k.* FROM cases k WHERE k.idempotency_key LIKE 'bench-%' AND k.accepted_at IS NOT NULL) c`);
  await step('case process ids', `
    UPDATE cases c SET process_instance_id = i.id FROM wf_instances i WHERE i.case_id = c.id AND c.idempotency_key LIKE 'bench-%'`);
  await step('process steps', `
    INSERT INTO wf_tasks (id, instance_id, root_id, token_id, node_id, name, status, candidate_kind, candidate_values, claimed_by,
                          outcome, opinion, due_at, created_at, completed_at, completed_by)
    SELECT gen_random_uuid(), i.id, i.id, gen_random_uuid(), 'review', '审查',
           CASE WHEN c.status = 'accepted' THEN 'open' ELSE 'completed' END, 'department', ARRAY[d.code],
           -- Every seventh open step of 市场监管 is claimed by the demo approver.
           CASE WHEN c.status = 'accepted' AND d.code = (SELECT dd.code FROM users u JOIN departments dd ON dd.id = u.department_id WHERE u.username = 'approver')
                 AND abs(hashtext(c.id::text)) % 7 = 0 THEN (SELECT id::text FROM users WHERE username = 'approver') END,
           CASE c.status WHEN 'approved' THEN 'approve' WHEN 'denied' THEN 'reject' END,
           CASE WHEN c.status <> 'accepted' THEN '同意' END,
           c.accepted_at + interval '10 days', c.accepted_at, c.concluded_at,
           CASE WHEN c.status <> 'accepted' THEN (SELECT id::text FROM users WHERE username = 'approver') END
      FROM cases c JOIN wf_instances i ON i.case_id = c.id JOIN departments d ON d.id = c.department_id
     WHERE c.idempotency_key LIKE 'bench-%'`);
  // 抄送: every twentieth case with a process is copied to the manager; read once concluded.
  await step('copies', `
    INSERT INTO wf_copies (id, instance_id, task_id, node_id, user_id, sent_by, sent_at, read_at)
    SELECT gen_random_uuid(), i.id, NULL, 'review', (SELECT id::text FROM users WHERE username = 'manager'),
           (SELECT id::text FROM users WHERE username = 'approver'), c.accepted_at + interval '2 hours',
           CASE WHEN c.status <> 'accepted' THEN c.concluded_at END
      FROM cases c JOIN wf_instances i ON i.case_id = c.id
     WHERE c.idempotency_key LIKE 'bench-%' AND abs(hashtext(c.id::text)) % 20 = 0`);

  // The events of each case, numbered after the stream's current head in time order.
  await step('events', `
    WITH e AS (
      SELECT 'case.submitted' AS type, c.id, c.case_no, c.department_id, c.applicant_id AS actor, 'applicant' AS role, c.submitted_at AS at,
             jsonb_build_object('itemId', c.item_id, 'channel', 'online') AS payload
        FROM cases c WHERE c.idempotency_key LIKE 'bench-%'
      UNION ALL
      SELECT 'case.accepted', c.id, c.case_no, c.department_id, NULL, 'clerk', c.accepted_at, '{}'::jsonb
        FROM cases c WHERE c.idempotency_key LIKE 'bench-%' AND c.accepted_at IS NOT NULL
      UNION ALL
      SELECT CASE c.status WHEN 'refused' THEN 'case.refused' ELSE 'case.concluded' END, c.id, c.case_no, c.department_id, NULL,
             CASE c.status WHEN 'refused' THEN 'clerk' ELSE 'approver' END, c.concluded_at, jsonb_build_object('status', c.status)
        FROM cases c WHERE c.idempotency_key LIKE 'bench-%' AND c.concluded_at IS NOT NULL),
    numbered AS (
      SELECT e.*, (SELECT last_seq FROM event_chain_head) + row_number() OVER (ORDER BY e.at, e.id, e.type) AS seq, gen_random_uuid() AS event_id FROM e),
    hashed AS (SELECT n.*, encode(sha256(convert_to(n.event_id::text || n.type, 'UTF8')), 'hex') AS hash FROM numbered n)
    INSERT INTO events (seq, id, type, schema_version, case_id, case_no, department_id, actor_id, actor_role, occurred_at, payload, prev_hash, hash)
    SELECT h.seq, h.event_id, h.type, 1, h.id, h.case_no, h.department_id, h.actor, h.role, h.at, h.payload,
           coalesce(lag(h.hash) OVER (ORDER BY h.seq), (SELECT last_hash FROM event_chain_head)), h.hash
      FROM hashed h ORDER BY h.seq`);
  await step('event chain head', `
    UPDATE event_chain_head SET last_seq = e.seq, last_hash = e.hash FROM (SELECT seq, hash FROM events WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1) e`);
  await step('analyze', 'ANALYZE');
  return times;
}
