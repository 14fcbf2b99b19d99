import type { Db } from '../../platform/db/pool.ts';
import { withTx } from '../../platform/db/pool.ts';
import { hashPassword } from '../iam/index.ts';
import { center, demoContact, departments, DEMO_PASSWORD, items, users, windows } from './data.ts';
import { jointInvestment, medicalLicensing, singleReview } from './processes.ts';
import { deployDefinition } from '../workflow/index.ts';
import { systemClock } from '../../platform/clock.ts';
import { loadDemoCatalogue } from './catalogue.ts';
import { loadDemoArticles } from '../portal/index.ts';
import { formSpecFromLegacyFields, legacyFieldsFromSpec } from '../../../../shared/forms/index.ts';
import { demoForms } from './forms.ts';
import { moreForms, moreProcesses } from './more-items.ts';

/** Loads the demo center once: does nothing when any center exists. Returns whether it loaded. */
export async function seedDemo(db: Db): Promise<boolean> {
  const exists = await db.query('SELECT 1 FROM centers LIMIT 1');
  if (exists.rowCount) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await withTx(db, async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(727274002)');
    if ((await tx.query('SELECT 1 FROM centers LIMIT 1')).rowCount) return;
    const c = await tx.query<{ id: string }>('INSERT INTO centers (code, name, phone, address) VALUES ($1,$2,$3,$4) RETURNING id',
      [center.code, center.name, center.phone, center.address]);
    const centerId = c.rows[0]!.id;
    const deptIds = new Map<string, string>();
    for (const [i, d] of departments.entries()) {
      const r = await tx.query<{ id: string }>('INSERT INTO departments (center_id, code, name, sort_order) VALUES ($1,$2,$3,$4) RETURNING id',
        [centerId, d.code, d.name, i]);
      deptIds.set(d.code, r.rows[0]!.id);
    }
    const windowIds = new Map<string, string>();
    for (const w of windows) {
      const r = await tx.query<{ id: string }>('INSERT INTO windows (center_id, department_id, code, name, phone, hall_position) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id',
        [centerId, w.dept ? deptIds.get(w.dept) : null, w.code, w.name, w.phone, w.hall]);
      windowIds.set(w.code, r.rows[0]!.id);
    }
    for (const [i, u] of users.entries()) {
      const contact = demoContact(u.username, i);
      await tx.query(
        'INSERT INTO users (username, password_hash, display_name, role, department_id, window_id, phone, email, center_id) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)',
        [u.username, passwordHash, u.displayName, u.role, u.dept ? deptIds.get(u.dept) : null, u.window ? windowIds.get(u.window) : null,
          contact.phone, contact.email, u.role === 'applicant' ? null : centerId],
      );
    }
    // Every item binds a published process: its department's review, or a richer one.
    const env = { db, tx, clock: systemClock };
    for (const d of departments) await deployDefinition(env, { xml: singleReview(d.code, d.name, 0).xml, publish: true });
    for (const p of [jointInvestment, medicalLicensing, ...moreProcesses]) await deployDefinition(env, { xml: p.xml, publish: true });
    for (const item of items) {
      const form = demoForms[item.code] ?? moreForms[item.code] ?? formSpecFromLegacyFields(item.fields);
      const r = await tx.query<{ id: string }>(
        `INSERT INTO service_items (code, name, department_id, item_type, legal_basis, legal_days, promised_days, limit_unit, fee, description, form_fields, process_key, form_spec)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13) RETURNING id`,
        [item.code, item.name, deptIds.get(item.dept), item.type, item.legalBasis, item.legalDays, item.promisedDays,
          item.unit ?? 'workday', item.fee ?? '不收费', item.description, JSON.stringify(legacyFieldsFromSpec(form)),
          item.process ?? singleReview(item.dept, '', 0).key, JSON.stringify(form)],
      );
      for (const [i, m] of item.materials.entries()) {
        await tx.query('INSERT INTO item_materials (item_id, name, required, form, sort_order) VALUES ($1,$2,$3,$4,$5)',
          [r.rows[0]!.id, m.name, m.required, m.form ?? '电子件', i]);
      }
    }
    // What each window takes in: the comprehensive windows every item, a department's window its own.
    for (const w of windows) {
      await tx.query(
        `INSERT INTO window_items (window_id, item_id)
         SELECT $1, i.id FROM service_items i JOIN departments d ON d.id = i.department_id WHERE $2::text IS NULL OR d.code = $2`,
        [windowIds.get(w.code), w.dept],
      );
    }
    // Categories, service-guide elements and version 1 of every item (catalog).
    await loadDemoCatalogue(tx, systemClock.now());
    // News and disclosures on the portal's home.
    await loadDemoArticles(tx, systemClock.now());
  });
  return true;
}

/**
 * The supervision platform on a machine of its own (`--role supervision`)
 * has no center to load: only the supervision office's demo accounts.
 */
export async function seedSupervisionAccounts(db: Db): Promise<boolean> {
  const office = users.filter((u) => u.role === 'supervisor' || u.role === 'supervision_leader');
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return withTx(db, async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(727274002)');
    if ((await tx.query('SELECT 1 FROM users LIMIT 1')).rowCount) return false;
    for (const u of office) {
      await tx.query('INSERT INTO users (username, password_hash, display_name, role) VALUES ($1,$2,$3,$4)', [u.username, passwordHash, u.displayName, u.role]);
    }
    return true;
  });
}
