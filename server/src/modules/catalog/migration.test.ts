import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createPool, type Db } from '../../platform/db/pool.ts';
import { migrate, migrationsDir } from '../../platform/db/migrate.ts';

/**
 * 0030 on a database that already holds items, materials and a case: every
 * item gets a published version 1 with its full snapshot, the case points at it.
 */
describe('migration 0030_catalogue on existing data', () => {
  const name = `m_${Math.random().toString(36).slice(2, 10)}`;
  const adminUrl = inject('pgAdminUrl');
  let db: Db;
  let before: string;

  beforeAll(async () => {
    const admin = new pg.Client(adminUrl);
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    db = createPool(url.toString(), 2);
    before = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-mig-'));
    for (const f of fs.readdirSync(migrationsDir).filter((f) => f < '0030')) {
      fs.copyFileSync(path.join(migrationsDir, f), path.join(before, f));
    }
    await migrate(db, before);
    const c = await db.query(`INSERT INTO centers (code, name) VALUES ('C', '中心') RETURNING id`);
    const d = await db.query(`INSERT INTO departments (center_id, code, name) VALUES ($1, 'DD', '部门') RETURNING id`, [c.rows[0].id]);
    const i = await db.query(
      `INSERT INTO service_items (code, name, department_id, item_type, legal_days, promised_days, process_key)
       VALUES ('X-1', '事项', $1, 'promised', 20, 10, 'review-DD') RETURNING id`, [d.rows[0].id]);
    await db.query(`INSERT INTO item_materials (item_id, name, required, form, sort_order) VALUES ($1, '身份证', true, '纸质件', 0), ($1, '委托书', false, '电子件', 1)`,
      [i.rows[0].id]);
    const u = await db.query(`INSERT INTO users (username, password_hash, display_name, role) VALUES ('a', 'x', '甲', 'applicant') RETURNING id`);
    await db.query(
      `INSERT INTO cases (case_no, query_code, item_id, department_id, applicant_id, applicant_name, status, form_data, idempotency_key, submitted_at, promised_days, legal_days)
       VALUES ('N1', 'Q', $1, $2, $3, '甲', 'submitted', '{}', 'k', now(), 10, 20)`, [i.rows[0].id, d.rows[0].id, u.rows[0].id]);
    await migrate(db);
  });

  afterAll(async () => {
    await db.end();
    fs.rmSync(before, { recursive: true, force: true });
    const admin = new pg.Client(adminUrl);
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('creates a published version 1 with the item snapshot and links the case to it', async () => {
    const v = await db.query(`SELECT v.id, v.version, v.status, v.content, i.current_version_id FROM item_versions v JOIN service_items i ON i.id = v.item_id`);
    expect(v.rows).toHaveLength(1);
    expect(v.rows[0]).toMatchObject({ version: 1, status: 'published' });
    expect(v.rows[0].current_version_id).toBe(v.rows[0].id);
    const content = v.rows[0].content;
    expect(content).toMatchObject({ code: 'X-1', legalDays: 20, promisedDays: 10, processKey: 'review-DD', fee: { free: true, items: [] } });
    expect(content.materials.map((m: { name: string; medium: string; requirement: string }) => [m.name, m.medium, m.requirement]))
      .toEqual([['身份证', 'paper', 'required'], ['委托书', 'electronic', 'conditional']]);
    const c = await db.query('SELECT item_version_id FROM cases');
    expect(c.rows[0].item_version_id).toBe(v.rows[0].id);
  });

  it('refuses any change to a published version but lets it be superseded', async () => {
    await expect(db.query(`UPDATE item_versions SET content = '{}'`)).rejects.toThrow(/immutable/);
    await expect(db.query('DELETE FROM item_versions')).rejects.toThrow(/immutable/);
    await db.query(`UPDATE item_versions SET status = 'superseded'`);
    await expect(db.query(`UPDATE item_versions SET status = 'published'`)).rejects.toThrow(/immutable/);
  });
});
