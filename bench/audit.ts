/**
 * `npm run bench -- audit [--clients C] [--seconds S]`: C concurrent writers
 * (default 50, as many staff reading lists at once) record looks in the audit
 * log for S seconds each way (default 5), on an embedded PostgreSQL of its
 * own (fsync on):
 * - side by side (the system): one INSERT per look, no lock; the background
 *   chainer gives the rows their places after they commit;
 * - one at a time (the old way, kept only here): each look takes the log's
 *   advisory lock, reads the last row, inserts the chained row and commits,
 *   holding the lock through its commit.
 * Prints looks/s and the p50/p95/p99 of one look for each, how long the
 * chainer took to catch up after the writers stopped, whether the chain
 * verifies, and ends with one JSON line.
 */
import os from 'node:os';
import { appendAudit, auditHash, chainAuditPending, verifyAuditChain, AUDIT_CHAIN, type AuditEntry } from '../server/src/platform/audit/log.ts';
import { startChainer } from '../server/src/platform/events/chain.ts';
import { withTx, type Db, type Tx } from '../server/src/platform/db/pool.ts';
import { canonicalJson } from '../server/src/platform/events/canonical.ts';
import { percentile, round, withBenchDatabase } from './_support.ts';

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  const v = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 1) {
    console.error('用法：npm run bench -- audit [--clients C] [--seconds S]');
    process.exit(2);
  }
  return v;
}

const OLD_LOCK = 727274014;

/** The way before migration 0360: the row chained in the writer's own transaction, under one advisory lock. */
async function appendLocked(tx: Tx, e: AuditEntry, seqBase: number): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [OLD_LOCK]);
  const last = await tx.query<{ seq: string; hash: string }>('SELECT seq, hash FROM bench_audit_locked ORDER BY seq DESC LIMIT 1');
  const seq = Number(last.rows[0]?.seq ?? seqBase) + 1;
  const prev = last.rows[0]?.hash ?? '0'.repeat(64);
  const content = {
    seq, at: e.at.toISOString(), actorId: e.actor?.id ?? null, actorName: e.actor?.name ?? null, actorRole: e.actor?.role ?? null,
    action: e.action, targetType: e.targetType, targetId: e.targetId, address: e.address, result: e.result, detail: e.detail ?? {},
  };
  await tx.query(
    `INSERT INTO bench_audit_locked (seq, at, actor_id, actor_name, actor_role, action, target_type, target_id, address, result, detail, prev_hash, hash)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
    [seq, e.at, content.actorId, content.actorName, content.actorRole, e.action, e.targetType, e.targetId, e.address, e.result,
      canonicalJson(content.detail), prev, auditHash(prev, content)],
  );
}

interface Figures { looks: number; looksPerSecond: number; p50: number; p95: number; p99: number; errors: number }

async function drive(clients: number, seconds: number, look: (i: number) => Promise<void>): Promise<Figures> {
  const times: number[] = [];
  let errors = 0;
  let n = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      try {
        await look(n++);
        times.push(performance.now() - t0);
      } catch {
        errors++;
      }
    }
  }));
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return {
    looks: times.length, looksPerSecond: round(times.length / elapsed), p50: round(percentile(times, 50), 2), p95: round(percentile(times, 95), 2),
    p99: round(percentile(times, 99), 2), errors,
  };
}

const entry = (i: number): AuditEntry => ({
  actor: { id: '00000000-0000-4000-8000-000000000007', name: '周主任', role: 'manager' }, action: 'cases.list', targetType: 'query',
  targetId: `status=accepted&page=${i % 10}`, address: '10.0.0.8', result: 'ok', detail: { method: 'GET', route: '/api/cases' }, at: new Date(),
});

export async function run(args: string[]): Promise<void> {
  const clients = option(args, 'clients', 50);
  const seconds = option(args, 'seconds', 5);
  await withBenchDatabase('audit', clients + 4, async (db: Db) => {
    await db.query('CREATE TABLE bench_audit_locked (LIKE audit_log INCLUDING DEFAULTS)');
    await db.query('ALTER TABLE bench_audit_locked DROP COLUMN pos');
    await db.query('ALTER TABLE bench_audit_locked ADD PRIMARY KEY (seq)');
    const load = os.loadavg()[0]!;
    console.log(`审计日志写入：${clients} 个并发写入者，各方式 ${seconds} 秒（负载 ${load.toFixed(2)}）`);

    const stopChainer = startChainer(db, (err) => console.error(`链接续出错：${err.message}`), 100, [AUDIT_CHAIN]);
    const sideBySide = await drive(clients, seconds, (i) => appendAudit(db, entry(i)));
    const caughtUpAt = performance.now();
    await stopChainer();
    await chainAuditPending(db);
    const catchUpMs = round(performance.now() - caughtUpAt);
    const verified = await verifyAuditChain(db);

    const oneAtATime = await drive(clients, seconds, (i) => withTx(db, (tx) => appendLocked(tx, entry(i), 0)));

    const line = (name: string, f: Figures) =>
      console.log(`${name}：${f.looksPerSecond} 条/秒（共 ${f.looks} 条，错误 ${f.errors}），单条 p50 ${f.p50} ms · p95 ${f.p95} ms · p99 ${f.p99} ms`);
    line('并行写入、提交后链接（现行）', sideBySide);
    line('逐条加锁链接（旧方式）', oneAtATime);
    console.log(`写入停止后链接追平用时 ${catchUpMs} ms；校验：${verified.ok ? '通过' : '未通过'}（${verified.checked} 条）`);
    const ratio = oneAtATime.looksPerSecond > 0 ? round(sideBySide.looksPerSecond / oneAtATime.looksPerSecond, 2) : null;
    console.log(`吞吐比（现行 / 旧方式）：${ratio}`);
    console.log(JSON.stringify({
      bench: 'audit', clients, seconds, loadAverage: round(load, 2), sideBySide, oneAtATime, ratio, chainCatchUpMs: catchUpMs,
      chainVerified: verified.ok, chained: verified.checked,
    }));
  });
}
