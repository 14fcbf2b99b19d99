/**
 * The demo center's sample cases (演示办件): a few cases in every state, so a
 * new user sees a working service center — the clerk's intake queue, the
 * approvers' to-do lists, the public results and the statistics — and a
 * working supervision platform: the monitoring pages, the window clerk's
 * attendance, and a warning, a yellow card and red cards at each step of
 * their handling. Everything is made by the same commands the API runs
 * (office.ts), on a clock set back over the last working days, so every
 * event, notice PDF, deadline, card and 监察建议书 is genuine and the event
 * chain stays intact. Loaded only by `tongban start` on the first start (see
 * server.ts); the test databases never get them.
 */
import type { AppContext } from '../../platform/http/context.ts';
import type { ApplicantInput } from '../intake/index.ts';
import { DemoOffice, lastWorkingDays, type DemoSupervision } from './office.ts';

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

/**
 * The story, oldest first. `o.at(k, time)` is `time` on the k-th last working
 * day. Outcome: 2 waiting for intake, 1 待补正, 4 in approval (one of them
 * mid-way through the parallel review), 4 准予 (two of them late), 1 不予许可,
 * 1 不予受理. On the supervision side: the clerk signs in and out every day
 * (once late, once leaving early); the two late cases get their warnings,
 * yellow and red cards from the platform's own scan, one red card decided
 * with a 监察建议书, the other decided and appealed by the department's head;
 * the refusal that cites no legal basis gets a red card now under
 * investigation.
 */
async function tellStory(o: DemoOffice): Promise<void> {
  const zhang = { applicantName: '张三', contactPhone: '13905710001' };

  // Two weeks back: two cases of 市场监管 that will run over their promised limits.
  o.at(12, '08:52');
  await o.attendance(true);
  o.at(12, '09:30');
  const lateLicence = await o.online('SCJG-XK-001', {
    ...zhang, businessAddress: '示范县城北街道建设路 42 号', businessScope: '预包装食品销售', area: 30,
  });
  o.at(12, '10:00');
  await o.accept(lateLicence);
  o.at(12, '10:05');
  await o.supervise();
  o.at(12, '17:36');
  await o.attendance(false);

  await o.workday(11, '08:54', '17:33');
  await o.workday(10, '08:47', '17:40');
  o.at(9, '09:12');
  await o.attendance(true);
  o.at(9, '09:30');
  const lateRegistration = await o.online('SCJG-DJ-003', { ...zhang, companyName: '示范县鑫盛商贸有限公司', registeredCapital: 100 });
  o.at(9, '10:00');
  await o.accept(lateRegistration);
  o.at(9, '10:05');
  await o.supervise();
  o.at(9, '17:05');
  await o.attendance(false);

  await o.workday(8, '08:56', '17:31');
  // The platform's own scan finds both past their limits: nobody had to report them.
  o.at(7, '08:50');
  await o.attendance(true);
  o.at(7, '09:00');
  await o.supervise();
  const registrationRed = await o.card(lateRegistration, 'time.overdue');
  o.at(7, '09:30');
  await o.move(registrationRed, 'supervisor', { move: 'accept' });
  o.at(7, '10:30');
  await o.decide(lateRegistration, 'decide', 'approver', 'approved', '材料齐全，符合公司登记条件，准予设立登记。');
  o.at(7, '17:35');
  await o.attendance(false);

  o.at(6, '08:55');
  await o.attendance(true);
  o.at(6, '09:00');
  await o.supervise();
  const licenceRed = await o.card(lateLicence, 'time.overdue');
  o.at(6, '09:20');
  await o.move(licenceRed, 'supervisor', { move: 'accept' });
  o.at(6, '10:00');
  await o.decide(lateLicence, 'decide', 'approver', 'approved', '经现场核查，经营场所符合要求，准予许可。');
  o.at(6, '14:00');
  await o.move(registrationRed, 'supervisor', { move: 'file', reason: '承诺 1 个工作日办结的公司设立登记逾期 2 个工作日，且无暂停计时或延期记录，予以立案调查。' });
  o.at(6, '17:32');
  await o.attendance(false);

  o.at(5, '08:51');
  await o.attendance(true);
  o.at(5, '09:20');
  const snack = await o.online('SCJG-XK-001', {
    ...zhang, businessAddress: '示范县人民路 126 号', businessScope: '热食类食品制售；预包装食品（不含冷藏冷冻食品）销售', area: 45,
  });
  o.at(5, '10:05');
  await o.accept(snack);
  o.at(5, '14:10');
  const bath = await o.online('WJW-XK-001', { ...zhang, creditCode: '92330122MA2L6R8W1M', placeName: '清泉沐浴馆', placeType: 'bath' });
  o.at(5, '15:00');
  // The investigation attaches the approval case's own events, as received: its acceptance and its late conclusion.
  const registrationEvents = (await o.card(lateRegistration, 'time.overdue'))?.caseEvents
    ?.filter((e) => e.type === 'case.accepted' || e.type === 'case.concluded').map((e) => e.seq);
  await o.move(registrationRed, 'supervisor', {
    move: 'investigate', attachSeqs: registrationEvents ?? [],
    note: '调阅受理与办结记录：审核环节签收后搁置 3 个工作日，经办人称当周集中办理食品经营许可现场核查，未申请延期。',
  });
  o.at(5, '15:40');
  await o.move(licenceRed, 'supervisor', {
    move: 'decide', outcome: 'criticism', opinion: '食品经营许可（新办）超出承诺时限办结，对市场监督管理局审批科予以通报批评。',
  });
  o.at(5, '17:33');
  await o.attendance(false);

  o.at(4, '08:49');
  await o.attendance(true);
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
  // A refusal that cites no legal basis: supervision flags it as irregular procedure and shows a red card at once.
  await o.refuse(company, '拟设立公司名称与本县已登记企业名称近似，未通过名称自主申报，不符合登记受理条件。请完成名称申报后重新申请。');
  o.at(4, '14:40');
  await o.supervise();
  o.at(4, '15:30');
  await o.move(registrationRed, 'supervisor', {
    move: 'decide', outcome: 'rectification', rectifyBy: o.date(14),
    opinion: '责令市场监督管理局对公司设立登记办理流程进行整改，建立承诺时限预警台账，整改情况书面报送县监察局。',
  });
  o.at(4, '17:31');
  await o.attendance(false);

  o.at(3, '08:50');
  await o.attendance(true);
  o.at(3, '09:10');
  await o.move(licenceRed, 'head_scjg', { move: 'appeal', reason: '该件超期系申请人两次变更经营场所、需重新现场核查所致，已书面告知申请人，请予复核。' });
  o.at(3, '09:30');
  const refusalRed = await o.card(company, 'violation.procedure');
  await o.move(refusalRed, 'supervisor', { move: 'accept' });
  o.at(3, '10:00');
  await o.decide(plant, 'lead', 'approver_fgj', 'approved', '项目符合产业政策，材料齐全，同意抄告住建、自然资源、生态环境部门并联审查。');
  o.at(3, '10:40');
  await o.move(refusalRed, 'supervisor', { move: 'file', reason: '不予受理决定未载明法律依据，涉嫌违反《行政许可法》第三十八条第二款，予以立案。' });
  o.at(3, '14:20');
  const flat = await o.online('ZRZY-DJ-001', { ...zhang, propertyAddress: '示范县城南街道幸福里 3 幢 2 单元 501 室' });
  o.at(3, '15:00');
  await o.accept(flat);
  o.at(3, '15:30');
  await o.decide(snack, 'decide', 'approver', 'approved', '材料齐全，经现场核查经营场所及设备设施符合要求，准予许可。');
  o.at(3, '17:34');
  await o.attendance(false);

  o.at(2, '08:53');
  await o.attendance(true);
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
  o.at(2, '16:30');
  const refusalEvents = (await o.card(company, 'violation.procedure'))?.caseEvents?.filter((e) => e.type === 'case.refused').map((e) => e.seq);
  await o.move(refusalRed, 'supervisor', {
    move: 'investigate', attachSeqs: refusalEvents ?? [],
    note: '调取不予受理通知书：仅载明名称近似，未引用《公司登记管理条例》或《企业名称登记管理规定》相关条款；已约谈窗口负责人。',
  });
  o.at(2, '17:30');
  await o.attendance(false);

  o.at(1, '08:50');
  await o.attendance(true);
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
  o.at(1, '16:30');
  await o.supervise();
  o.at(1, '17:35');
  await o.attendance(false);

  // Today, once the hall has opened, the clerk is at the window.
  if (await o.today('08:52')) await o.attendance(true);
}

/**
 * Creates the demo cases once: nothing when any case exists (a second start,
 * or a center already in use). Returns how many it created. Runs after the
 * demo center is loaded and the server listens (its events go to the
 * supervision platform over the ingest door); a session lock keeps two nodes
 * starting at once from both telling the story. Without `supervision` (the
 * platform runs elsewhere and works its own cards) the cases and the
 * attendance are made all the same.
 */
export async function loadDemoCases(ctx: AppContext, supervision?: DemoSupervision): Promise<number> {
  const lock = await ctx.db.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [DEMO_CASES_LOCK]);
    if ((await ctx.db.query('SELECT 1 FROM cases LIMIT 1')).rowCount) return 0;
    const office = new DemoOffice(ctx, await lastWorkingDays(ctx, 12), supervision);
    await tellStory(office);
    return office.created;
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [DEMO_CASES_LOCK]).catch(() => undefined);
    lock.release();
  }
}
