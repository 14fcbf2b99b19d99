/**
 * The demo center's sample cases (演示办件): a few cases in every state, so a
 * new user sees a working service center — the clerk's intake queue, the
 * approvers' to-do lists, the supervision stream, the public results and the
 * statistics. Each case is made by the same commands the API runs (submit,
 * 窗口接件, one-time notice, accept, refuse, approval steps, 当场办结), on a
 * clock set back over the last working days, so every event, notice PDF,
 * deadline and history row is genuine and the event chain stays intact.
 * Loaded only by `tongban start` on the first start (see server.ts); the
 * test databases never get them.
 */
import type { Actor, AppContext, Role } from '../../platform/http/context.ts';
import { ManualClock } from '../../platform/clock.ts';
import { getItem } from '../catalog/index.ts';
import { fromShanghai, isWorkingDay, toShanghai } from '../calendar/index.ts';
import { acceptCase, chinaDay, completeTask, issueSupplementNotice, loadClock, refuseCase, storeUpload, submitApplication } from '../cases/index.ts';
import { concludeImmediate, saveChecklist, submitWalkIn, type ApplicantInput } from '../intake/index.ts';
import { regionIndex } from '../forms/index.ts';
import { isRequired, sampleFormData, type FormSpec } from '../../../../shared/forms/index.ts';
import { demoMaterialPdf } from './material-pdf.ts';

/** Any number; only start paths that load the demo center take it. */
const DEMO_CASES_LOCK = 727274003;

/** Fictional walk-in enterprises (valid check characters); the second case of 恒达 finds its stored profile. */
const HENGDA: ApplicantInput = {
  kind: 'enterprise', idNumber: '91330122MA2H3K7L0D', name: '示范县恒达新材料有限公司', phone: '0571-63218866',
  address: '示范县经济开发区纬三路 8 号', legalRepresentative: '陈建国', contactPerson: '刘敏',
};
const LVYUAN: ApplicantInput = {
  kind: 'enterprise', idNumber: '91330122MA2J8N4Q62', name: '示范县绿源食品科技有限公司', phone: '0571-63225510',
  address: '示范县经济开发区经二路 15 号', legalRepresentative: '何志明', contactPerson: '吴婷',
};

interface DemoCase {
  id: string;
  caseNo: string;
}

/** The commands, run as demo users on a clock that walks forward through the last working days. */
class DemoOffice {
  private readonly clock: ManualClock;
  private readonly ctx: AppContext;
  private readonly actors = new Map<string, Actor>();
  private pdf: Buffer | undefined;
  private seq = 0;
  private last = new Date(0);
  /** How many cases the story created. */
  created = 0;

  constructor(base: AppContext, private readonly days: number[]) {
    this.clock = new ManualClock(base.clock.now());
    // The server's own context with the travelling clock: nothing shared is changed.
    this.ctx = { ...base, clock: this.clock };
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
    const { rows } = await this.ctx.db.query<{ id: string; display_name: string; role: Role; department_id: string | null }>(
      'SELECT id, display_name, role, department_id FROM users WHERE username = $1', [username],
    );
    const r = rows[0];
    if (!r) throw new Error(`demo user ${username} missing`);
    const actor: Actor = { id: r.id, username, displayName: r.display_name, role: r.role, departmentId: r.department_id };
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
}

/** The last `n` working days before today (Beijing), most recent first. */
async function lastWorkingDays(ctx: AppContext, n: number): Promise<number[]> {
  const { calendar } = await loadClock(ctx.db);
  const days: number[] = [];
  for (let day = toShanghai(ctx.clock.now()).day - 1; days.length < n; day--) if (isWorkingDay(calendar, day)) days.push(day);
  return days;
}

/**
 * The story, oldest first. `o.at(k, time)` is `time` on the k-th last working
 * day. Outcome: 2 waiting for intake, 1 待补正, 4 in approval (one of them
 * mid-way through the parallel review), 2 准予, 1 不予许可, 1 不予受理.
 */
async function tellStory(o: DemoOffice): Promise<void> {
  const zhang = { applicantName: '张三', contactPhone: '13905710001' };

  o.at(5, '09:20');
  const snack = await o.online('SCJG-XK-001', {
    ...zhang, businessAddress: '示范县人民路 126 号', businessScope: '热食类食品制售；预包装食品（不含冷藏冷冻食品）销售', area: 45,
  });
  o.at(5, '10:05');
  await o.accept(snack);
  o.at(5, '14:10');
  const bath = await o.online('WJW-XK-001', { ...zhang, creditCode: '92330122MA2L6R8W1M', placeName: '清泉沐浴馆', placeType: 'bath' });

  o.at(4, '09:30');
  const plant = await o.walkIn('FGJ-LB-001', HENGDA, {
    projectName: '年产 2 万吨新型环保建材生产线项目', projectAddress: '示范县经济开发区纬三路 8 号', totalInvestment: 32000,
  });
  o.at(4, '09:40');
  await o.accept(bath);
  o.at(4, '10:00');
  await o.accept(plant);
  o.at(4, '11:00');
  const company = await o.online('SCJG-DJ-003', { ...zhang, companyName: '示范县三和餐饮管理有限公司', registeredCapital: 50 });
  o.at(4, '14:30');
  await o.refuse(company, '拟设立公司名称与本县已登记企业名称近似，未通过名称自主申报，不符合登记受理条件。请完成名称申报后重新申请。');

  o.at(3, '10:00');
  await o.decide(plant, 'lead', 'approver_fgj', 'approved', '项目符合产业政策，材料齐全，同意抄告住建、自然资源、生态环境部门并联审查。');
  o.at(3, '14:20');
  const flat = await o.online('ZRZY-DJ-001', { ...zhang, propertyAddress: '示范县城南街道幸福里 3 幢 2 单元 501 室' });
  o.at(3, '15:00');
  await o.accept(flat);
  o.at(3, '15:30');
  await o.decide(snack, 'decide', 'approver', 'approved', '材料齐全，经现场核查经营场所及设备设施符合要求，准予许可。');

  o.at(2, '09:10');
  const tax = await o.walkIn('SWJ-DJ-001', HENGDA, { creditCode: HENGDA.idNumber });
  o.at(2, '09:25');
  await o.concludeAtWindow(tax, '材料齐全，当场办结，已发放税务事项通知书。');
  o.at(2, '09:50');
  const shop = await o.online('SCJG-XK-001', {
    ...zhang, businessAddress: '示范县城东街道文化路 17 号', businessScope: '预包装食品销售；散装食品销售', area: 60,
  });
  o.at(2, '10:30');
  const household = await o.online('GAJ-HJ-001', { ...zhang, idNumber: '330122198803154211', relation: 'spouse' });
  o.at(2, '11:00');
  await o.accept(shop);
  o.at(2, '14:00');
  await o.decide(plant, 'zjj', 'approver_zjj', 'approved', '施工图设计文件审查合格，建设条件具备，同意。');
  o.at(2, '15:00');
  await o.supplementNotice(household, { 亲属关系证明: '户口簿不能证明夫妻关系，请提供结婚证原件及复印件一份' }, '请补齐上述材料后在网上办事大厅提交补正，或到 1 号、2 号综合受理窗口递交。');
  o.at(2, '16:00');
  await o.decide(bath, 'decide', 'approver_wjw', 'denied',
    '经现场核查，沐浴场所通风设施不符合《公共场所卫生管理条例实施细则》要求，卫生检测报告中空气质量指标不合格，不予许可。整改后可重新申请。');

  o.at(1, '09:40');
  const coldChain = await o.walkIn('FGJ-LB-001', LVYUAN, {
    projectName: '绿源食品冷链物流中心建设项目', projectAddress: '示范县经济开发区经二路 15 号', totalInvestment: 12800,
  });
  o.at(1, '10:20');
  await o.accept(coldChain);
  o.at(1, '11:30');
  await o.online('SCJG-DJ-002', { ...zhang, shopName: '三味面馆', businessScope: '面制品制售' });
  o.at(1, '16:10');
  await o.online('RSJ-SB-001', { ...zhang, idNumber: '330122198803154211' });
}

/**
 * Creates the demo cases once: nothing when any case exists (a second start,
 * or a center already in use). Returns how many it created. Runs after the
 * demo center is loaded; a session lock keeps two nodes starting at once
 * from both telling the story.
 */
export async function loadDemoCases(ctx: AppContext): Promise<number> {
  const lock = await ctx.db.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [DEMO_CASES_LOCK]);
    if ((await ctx.db.query('SELECT 1 FROM cases LIMIT 1')).rowCount) return 0;
    const office = new DemoOffice(ctx, await lastWorkingDays(ctx, 5));
    await tellStory(office);
    return office.created;
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [DEMO_CASES_LOCK]).catch(() => undefined);
    lock.release();
  }
}
