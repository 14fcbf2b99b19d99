/**
 * The demo center's office: the commands the sample story is told with, run
 * as the demo users on a clock that walks forward through the last working
 * days — the API's own commands (submit, 窗口接件, one-time notice, accept,
 * refuse, approval steps, 当场办结, the clerk's sign-in), and on the
 * supervision side the real way in: the events published over the ingest
 * door, the card tracker raising what has passed by the story's clock, and
 * the card moves of the supervisors and the department head.
 */
import type { Actor, AppContext, Role } from '../../platform/http/context.ts';
import { ManualClock } from '../../platform/clock.ts';
import { chainPending } from '../../platform/events/chain.ts';
import { drainConsumer, type EventConsumer } from '../../platform/events/consumer.ts';
import { getItem } from '../catalog/index.ts';
import { formatIsoDate, fromShanghai, isWorkingDay, toShanghai } from '../calendar/index.ts';
import { acceptCase, chinaDay, completeTask, issueSupplementNotice, loadClock, refuseCase, submitApplication } from '../cases/index.ts';
import { storeUpload } from '../files/index.ts';
import { concludeImmediate, saveChecklist, signAttendance, submitWalkIn, type ApplicantInput } from '../intake/index.ts';
import { regionIndex } from '../forms/index.ts';
import { handOverToNotify, listCards, moveCard, readCard, trackCards, type CardCommand, type CardDetail } from '../supervision/index.ts';
import { isRequired, sampleFormData, type FormSpec } from '../../../../shared/forms/index.ts';
import { demoMaterialPdf } from './material-pdf.ts';

/**
 * The supervision platform in this process, as the story reaches it: the
 * publisher of this center's events (to its own ingest door, over HTTP) and
 * the source they arrive as.
 */
export interface DemoSupervision {
  publisher: EventConsumer;
  sourceId: string;
}

export interface DemoCase {
  id: string;
  caseNo: string;
}

/** The commands, run as demo users on a clock that walks forward through the last working days. */
export class DemoOffice {
  private readonly clock: ManualClock;
  private readonly ctx: AppContext;
  private readonly actors = new Map<string, Actor>();
  private pdf: Buffer | undefined;
  private seq = 0;
  private last = new Date(0);
  /** How many cases the story created. */
  created = 0;

  /** The real now: the story ends before it. */
  private readonly until: Date;

  constructor(base: AppContext, private readonly days: number[], private readonly supervision?: DemoSupervision) {
    this.until = base.clock.now();
    this.clock = new ManualClock(this.until);
    // The server's own context with the travelling clock: nothing shared is changed.
    this.ctx = { ...base, clock: this.clock };
  }

  /** Sets the clock to `time` (Beijing time) today, if today is a working day and that time has come; returns whether it did. */
  async today(time: string): Promise<boolean> {
    const [h, m] = time.split(':').map(Number) as [number, number];
    const day = toShanghai(this.until).day;
    const to = fromShanghai({ day, minute: h * 60 + m });
    if (!isWorkingDay((await loadClock(this.ctx.db)).calendar, day) || to >= this.until || to <= this.last) return false;
    this.last = to;
    this.clock.set(to);
    return true;
  }

  /** Sets the clock to `time` (Beijing time) on the `ago`-th last working day; never backwards, so events stay in order. */
  at(ago: number, time: string): void {
    const [h, m] = time.split(':').map(Number) as [number, number];
    const to = fromShanghai({ day: this.days[ago - 1]!, minute: h * 60 + m });
    if (to <= this.last) throw new Error(`demo clock would go back to ${to.toISOString()}`);
    this.last = to;
    this.clock.set(to);
  }

  async actor(username: string): Promise<Actor> {
    const known = this.actors.get(username);
    if (known) return known;
    const { rows } = await this.ctx.db.query<{ id: string; display_name: string; role: Role; department_id: string | null; center_id: string | null }>(
      'SELECT id, display_name, role, department_id, center_id FROM users WHERE username = $1', [username],
    );
    const r = rows[0];
    if (!r) throw new Error(`demo user ${username} missing`);
    const actor: Actor = { id: r.id, username, displayName: r.display_name, role: r.role, roleCode: r.role, departmentId: r.department_id, centerId: r.center_id };
    this.actors.set(username, actor);
    return actor;
  }

  private async item(code: string) {
    const { rows } = await this.ctx.db.query<{ id: string }>('SELECT id FROM service_items WHERE code = $1', [code]);
    return getItem(this.ctx.db, rows[0]!.id);
  }

  private async upload(owner: Actor, name: string): Promise<string> {
    this.pdf ??= await demoMaterialPdf();
    return (await storeUpload(this.ctx, owner, `${name}.pdf`, this.pdf)).id;
  }

  /** The item's form filled as its sample, with the case's own answers over it. */
  private async form(owner: Actor, item: Awaited<ReturnType<DemoOffice['item']>>, answers: Record<string, unknown>) {
    // Stored specs were checked when saved (forms module); the catalogue types them loosely.
    const spec = item.form as unknown as FormSpec;
    const attachments: string[] = [];
    for (const [key, f] of Object.entries(spec.schema.properties)) {
      if (f['x-widget'] === 'attachment' && isRequired(spec.schema, key)) attachments.push(await this.upload(owner, f.title ?? key));
    }
    const sample = sampleFormData(spec, { today: chinaDay(this.clock.now()), regions: regionIndex(), attachment: () => attachments.shift() });
    return { ...sample, ...answers };
  }

  /** 网上申报 by the demo citizen, with a scan of every required material. */
  async online(itemCode: string, answers: Record<string, unknown>): Promise<DemoCase> {
    const citizen = await this.actor('citizen');
    const item = await this.item(itemCode);
    const materials = [];
    for (const m of item.materials) if (m.required) materials.push({ materialId: m.id, uploadId: await this.upload(citizen, m.name) });
    const formData = await this.form(citizen, item, answers);
    const r = await submitApplication(this.ctx, citizen, { itemId: item.id, formData, materials, idempotencyKey: `demo-${++this.seq}` });
    this.created++;
    return { id: r.id, caseNo: r.caseNo };
  }

  /** 窗口接件 by the clerk for a walk-in applicant; the paper materials are checked and all received. */
  async walkIn(itemCode: string, applicant: ApplicantInput, answers: Record<string, unknown>): Promise<DemoCase> {
    const clerk = await this.actor('clerk');
    const item = await this.item(itemCode);
    const formData = await this.form(clerk, item, { applicantName: applicant.name, contactPhone: applicant.phone, ...answers });
    const r = await submitWalkIn(this.ctx, clerk, { itemId: item.id, applicant, formData, materials: [], idempotencyKey: `demo-${++this.seq}` });
    this.created++;
    await saveChecklist(this.ctx, clerk, r.id, item.materials.map((m) => ({ materialId: m.id, status: 'received', note: '', originalSeen: true, copies: 1 })));
    return { id: r.id, caseNo: r.caseNo };
  }

  async accept(c: DemoCase): Promise<void> {
    await acceptCase(this.ctx, await this.actor('clerk'), c.id);
  }

  async refuse(c: DemoCase, reason: string): Promise<void> {
    await refuseCase(this.ctx, await this.actor('clerk'), c.id, reason);
  }

  /** 一次性告知: the named materials are missing. */
  async supplementNotice(c: DemoCase, missing: Record<string, string>, note: string): Promise<void> {
    const { rows } = await this.ctx.db.query<{ id: string; name: string }>(
      'SELECT m.id, m.name FROM item_materials m JOIN cases c ON c.item_id = m.item_id WHERE c.id = $1', [c.id],
    );
    const items = Object.entries(missing).map(([name, text]) => ({ materialId: rows.find((m) => m.name === name)!.id, problem: 'missing' as const, note: text }));
    await issueSupplementNotice(this.ctx, await this.actor('clerk'), c.id, { items, note });
  }

  /** The approval step `node` of the case, decided by `username`. */
  async decide(c: DemoCase, node: string, username: string, outcome: 'approved' | 'denied', opinion: string): Promise<void> {
    const { rows } = await this.ctx.db.query<{ id: string }>(
      `SELECT t.id FROM wf_tasks t JOIN wf_instances i ON i.id = t.instance_id WHERE i.case_id = $1 AND t.node_id = $2 AND t.status = 'open'`,
      [c.id, node],
    );
    if (!rows[0]) throw new Error(`demo case ${c.caseNo} has no open step ${node}`);
    await completeTask(this.ctx, await this.actor(username), rows[0].id, outcome, opinion);
  }

  async concludeAtWindow(c: DemoCase, opinion: string): Promise<void> {
    await concludeImmediate(this.ctx, await this.actor('clerk'), c.id, opinion);
  }

  /** The window clerk signs in (true) or out (false) at the window (考勤). */
  async attendance(signIn: boolean): Promise<void> {
    await signAttendance(this.ctx, await this.actor('clerk'), signIn);
  }

  /** A day at the window with nothing else in the story: signed in and out. */
  async workday(ago: number, signIn: string, signOut: string): Promise<void> {
    this.at(ago, signIn);
    await this.attendance(true);
    this.at(ago, signOut);
    await this.attendance(false);
  }

  /** Whether the story reaches a supervision platform (it does in one process; a platform elsewhere works its own cards). */
  get supervises(): boolean {
    return this.supervision !== undefined;
  }

  /**
   * Supervision catches up at the story's clock: the chain is closed, the new
   * events go over the ingest door, and the card tracker raises what has
   * passed by now and hands the cards' messages to the people responsible.
   */
  async supervise(): Promise<void> {
    if (!this.supervision) return;
    await chainPending(this.ctx.db);
    const sent = await drainConsumer(this.ctx.db, this.supervision.publisher, () => this.clock.now(), 1000);
    if (sent.error) throw new Error(`demo events not received by supervision: ${sent.error}`);
    const sourceId = this.supervision.sourceId;
    await trackCards({ db: this.ctx.db, clock: this.clock }, (c) => handOverToNotify(c, [sourceId]));
  }

  /** The card the tracker raised on the case by the rule (time.overdue, violation.procedure …); none when the story does not supervise. */
  async card(c: DemoCase, rule: string): Promise<CardDetail | undefined> {
    if (!this.supervision) return undefined;
    const supervisor = await this.actor('supervisor');
    const found = (await listCards(this.ctx.db, { kind: 'all' }, { caseNo: c.caseNo, limit: 50, offset: 0 })).items.find((x) => x.rule === rule);
    if (!found) throw new Error(`demo case ${c.caseNo} has no card by ${rule}`);
    return readCard(this.ctx.db, supervisor, found.id, this.clock.now());
  }

  /** A card moved by `username` (a supervisor, or the department head appealing); nothing without a card. */
  async move(card: CardDetail | undefined, username: string, cmd: CardCommand): Promise<void> {
    if (card) await moveCard(this.ctx, await this.actor(username), card.id, cmd);
  }

  /** The date (Beijing, YYYY-MM-DD) `plus` days after the story's today. */
  date(plus = 0): string {
    return formatIsoDate(toShanghai(this.clock.now()).day + plus);
  }
}

/** The last `n` working days before today (Beijing), most recent first. */
export async function lastWorkingDays(ctx: AppContext, n: number): Promise<number[]> {
  const { calendar } = await loadClock(ctx.db);
  const days: number[] = [];
  for (let day = toShanghai(ctx.clock.now()).day - 1; days.length < n; day--) if (isWorkingDay(calendar, day)) days.push(day);
  return days;
}

