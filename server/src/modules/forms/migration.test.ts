import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPool, type Db } from '../../platform/db/pool.ts';
import { migrate, migrationsDir } from '../../platform/db/migrate.ts';
import { checkFormSpec, formSpecFromLegacyFields, type LegacyField } from '../../../../shared/forms/index.ts';

const LEGACY: LegacyField[] = [
  { key: 'applicantName', label: '申请人姓名/名称', type: 'text', required: true },
  { key: 'detail', label: '情况说明', type: 'textarea', required: false },
  { key: 'area', label: '面积（平方米）', type: 'number', required: true },
  { key: 'startDate', label: '开工日期', type: 'date', required: false },
  { key: 'contactPhone', label: '联系电话', type: 'phone', required: true },
];

/** 0031 on a database that holds items with the old field lists and their published version 1. */
describe('migration 0031_forms on existing data', () => {
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
    for (const f of fs.readdirSync(migrationsDir).filter((f) => f < '0030')) fs.copyFileSync(path.join(migrationsDir, f), path.join(before, f));
    await migrate(db, before);
    const c = await db.query(`INSERT INTO centers (code, name) VALUES ('C', '中心') RETURNING id`);
    const d = await db.query(`INSERT INTO departments (center_id, code, name) VALUES ($1, 'DD', '部门') RETURNING id`, [c.rows[0].id]);
    await db.query(
      `INSERT INTO service_items (code, name, department_id, item_type, legal_days, promised_days, form_fields)
       VALUES ('X-1', '事项', $1, 'promised', 20, 10, $2), ('X-2', '无表单事项', $1, 'immediate', 1, 0, '[]')`,
      [d.rows[0].id, JSON.stringify(LEGACY)],
    );
    // 0030 makes version 1 of each item, then 0031 converts.
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

  it('converts each field list exactly as formSpecFromLegacyFields does, into a sound spec', async () => {
    const { rows } = await db.query(`SELECT code, form_spec, form_revision FROM service_items ORDER BY code`);
    expect(rows[0].form_spec).toEqual(formSpecFromLegacyFields(LEGACY));
    expect(rows[1].form_spec).toEqual(formSpecFromLegacyFields([]));
    for (const r of rows) {
      expect(checkFormSpec(r.form_spec)).toEqual([]);
      expect(r.form_revision).toBe(0);
    }
  });

  it('fills the form into the published version snapshots and leaves them immutable', async () => {
    const { rows } = await db.query(`SELECT v.content FROM item_versions v JOIN service_items i ON i.id = v.item_id WHERE i.code = 'X-1'`);
    expect(rows[0].content.formSpec).toEqual(formSpecFromLegacyFields(LEGACY));
    await expect(db.query(`UPDATE item_versions SET content = '{}'`)).rejects.toThrow(/immutable/);
  });
});
