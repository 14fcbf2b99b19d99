/**
 * The demo catalogue's further items, so every department has several and a
 * person can try every path: 即办件 concluded at the window, 承诺件, 联办件
 * across departments, a 上报件, and 容缺受理 with deferrable materials. Each
 * item carries its service-guide elements, its materials, its application
 * form (shared/forms) and the process it binds; data.ts and seed.ts join them
 * to the original items.
 */
import type { FormSpec } from '../../../../shared/forms/index.ts';
import { bpmnProcess, countersign, parallel, task } from '../workflow/index.ts';
import type { DemoItem, ItemGuide, MaterialGuide } from './data.ts';
import {
  applicantFields, attachment, creditCode, date, email, formSpec, idCard, money, number, phone, region, section, select, showIf, table, text, textarea,
} from './form-kit.ts';

const HOURS = '工作日 上午 9:00—12:00，下午 13:30—17:00（法定节假日除外）';
const COMPLAINT = '12345';
const at = (window: string) => `示范县政务服务中心（人民路 88 号）${window}`;
const GENERAL = at('1 号、2 号综合受理窗口');
const PROJECTS = at('工程建设项目审批专区');

/** A material with all its standard elements; `condition` makes it conditional. */
interface Material extends MaterialGuide {
  name: string;
  original: 'original' | 'copy' | 'both';
  medium: 'paper' | 'electronic' | 'both';
}

interface MoreItem extends Omit<DemoItem, 'fields' | 'materials' | 'fee'> {
  process: string;
  guide: Omit<ItemGuide, 'materials'>;
  materials: Material[];
  form: FormSpec;
}

// ---- processes -------------------------------------------------------------

const DEPT_NAMES: Record<string, string> = {
  SCJG: '市场监督管理局', SWJ: '税务局', GAJ: '公安局', RSJ: '人力资源和社会保障局', ZJJ: '住房和城乡建设局',
  ZRZY: '自然资源局', FGJ: '发展和改革局', WJW: '卫生健康委员会', STHJ: '生态环境局',
};

/** 审查 → 决定 in one department: the usual 承诺件. */
const reviewDecide = (dept: string) => bpmnProcess({
  key: `review-decide-${dept.toLowerCase()}`, name: `${DEPT_NAMES[dept]}审查决定`,
  steps: [task('review', '审查', dept), task('decide', '决定', dept)],
});

/**
 * 即办件: the window concludes the case at once (当场办结, no process runs);
 * a case accepted the ordinary way goes to the department's one 办结 step.
 */
const immediate = (dept: string) => bpmnProcess({
  key: `immediate-${dept.toLowerCase()}`, name: `${DEPT_NAMES[dept]}即办件办结`,
  steps: [task('conclude', '办结确认', dept, 1)],
});

/** 企业开办“一件事”: 市场监管 registers, then 公安、税务、人社 act at the same time, and 市场监管 hands out the results together. */
const enterpriseStartup = bpmnProcess({
  key: 'joint-enterprise-startup', name: '企业开办“一件事”联办',
  steps: [
    task('register', '设立登记', 'SCJG'),
    parallel({ id: 'split', name: '信息同步推送' }, { id: 'join', name: '汇总办理结果' },
      [task('seal', '公章刻制备案', 'GAJ')],
      [task('tax', '税务信息确认与发票申领', 'SWJ')],
      [task('social', '社会保险登记', 'RSJ')]),
    task('deliver', '统一出件', 'SCJG'),
  ],
  endName: '一次领取',
});

/** 不动产转移登记与税费一窗办理: 自然资源 reviews the registration while 税务 assesses the taxes; then the registry records it. */
const propertyTransfer = bpmnProcess({
  key: 'joint-property-transfer', name: '存量房转移登记与税费联办',
  steps: [
    parallel({ id: 'split', name: '一窗分送' }, { id: 'join', name: '完税并审核通过' },
      [task('review', '登记审核', 'ZRZY', 2)],
      [task('tax', '税费核定征收', 'SWJ', 2)]),
    task('record', '登簿发证', 'ZRZY', 1),
  ],
});

/** 竣工联合验收: 住建 leads; 住建 (消防、质量) and 自然资源 (规划核实) countersign; 住建 issues the joint opinion. */
const completionAcceptance = bpmnProcess({
  key: 'joint-completion-acceptance', name: '建设工程竣工联合验收',
  steps: [
    task('lead', '牵头受理审查', 'ZJJ', 2),
    countersign('countersign', '联合验收会签', ['ZJJ', 'ZRZY'], 7),
    task('decide', '出具联合验收意见', 'ZJJ', 3),
  ],
});

/** 上报件: the county examines and its bureau meeting agrees, then the file goes up to the province (组卷上报). */
const landConversion = bpmnProcess({
  key: 'report-land-conversion', name: '农用地转用和土地征收审查报批',
  steps: [task('first', '初审', 'ZRZY', 5), task('meeting', '局务会审议', 'ZRZY', 5), task('report', '组卷上报', 'ZRZY', 5)],
  endName: '报省政府审批',
});

// ---- shared fields ---------------------------------------------------------

const enterprise = (nameTitle = '单位名称') => [
  ...applicantFields(nameTitle, 'Organisation name'),
  creditCode('creditCode', '统一社会信用代码', 'Unified social credit code', true, { description: '营业执照上的 18 位代码' }),
];
const person = () => [
  ...applicantFields('申请人姓名', 'Applicant name'),
  idCard('idNumber', '公民身份号码', 'ID card number', true, { description: '18 位居民身份证号码，末位可为 X' }),
];
const place = (title: string, titleEn: string) => [
  region('region', `${title}（省市县）`, `${titleEn} (region)`, true, { 'x-regionLevel': 'county' }),
  text('address', `${title}详细地址`, `${titleEn} (street address)`, true, { maxLength: 200, description: '乡镇（街道）、路名、门牌号' }),
];
const yesNo: [string, string, string][] = [['yes', '是', 'Yes'], ['no', '否', 'No']];
const licence = (name: string, condition?: string): Material => ({ name, original: 'copy', medium: 'electronic', elicence: name, ...(condition ? { condition } : {}) });
const idProof = (name = '申请人身份证明'): Material => ({ name, original: 'original', medium: 'electronic', elicence: '居民身份证' });
const businessLicence = (name = '营业执照'): Material => ({ name, original: 'copy', medium: 'electronic', elicence: '营业执照' });

// ---- the items -------------------------------------------------------------

const list: MoreItem[] = [
  // 市场监督管理局
  {
    code: 'SCJG-DJ-004', name: '个体工商户变更登记', dept: 'SCJG', type: 'immediate', process: immediate('SCJG').key,
    legalBasis: '《促进个体工商户发展条例》第十三条；《中华人民共和国市场主体登记管理条例》第十九条、第二十四条',
    legalDays: 3, promisedDays: 0,
    description: '个体工商户变更名称、经营范围、经营场所或经营者，材料齐全、符合法定形式的当场办结，换发营业执照。',
    guide: {
      category: 'QY-BG', code: ['07', '00104', '000', '01'], location: GENERAL, hours: HOURS, contactPhone: '0571-12345605', complaintPhone: COMPLAINT,
      conditions: '已登记的个体工商户，自变更事项发生之日起 30 日内申请；变更后的经营范围不属于禁止经营的项目。',
    },
    materials: [
      { name: '个体工商户变更登记申请书', original: 'original', medium: 'both' },
      idProof('经营者身份证明'),
      { name: '营业执照正、副本', original: 'original', medium: 'paper' },
      { name: '新经营场所使用证明', original: 'copy', medium: 'both', condition: '变更经营场所的' },
    ],
    form: formSpec([
      ...enterprise('个体工商户名称'),
      idCard('operatorId', '经营者公民身份号码', 'Operator ID card number'),
      select('change', '变更事项', 'What changes', [
        ['name', '名称', 'Name'], ['scope', '经营范围', 'Business scope'], ['premises', '经营场所', 'Premises'], ['operator', '经营者', 'Operator'],
      ]),
      showIf(text('newName', '变更后名称', 'New name', true, { maxLength: 100 }), { field: 'change', equals: 'name' }),
      showIf(textarea('newScope', '变更后经营范围', 'New business scope', true, { maxLength: 500 }), { field: 'change', equals: 'scope' }),
      showIf(region('newRegion', '新经营场所（省市县）', 'New premises (region)', true, { 'x-regionLevel': 'county' }), { field: 'change', equals: 'premises' }),
      showIf(text('newAddress', '新经营场所详细地址', 'New premises (street address)', true, { maxLength: 200 }), { field: 'change', equals: 'premises' }),
      showIf(text('newOperator', '新经营者姓名', 'New operator', true, { maxLength: 50 }), { field: 'change', equals: 'operator' }),
      showIf(idCard('newOperatorId', '新经营者公民身份号码', 'New operator ID card number'), { field: 'change', equals: 'operator' }),
    ]),
  },
  {
    code: 'SCJG-XK-002', name: '药品零售企业经营许可', dept: 'SCJG', type: 'promised', process: reviewDecide('SCJG').key,
    legalBasis: '《中华人民共和国药品管理法》第五十一条、第五十二条；《药品经营和使用质量监督管理办法》',
    legalDays: 20, promisedDays: 10,
    description: '在本县开办药品零售企业（单体药店、连锁门店），申请《药品经营许可证》。执业药师注册证明可容缺后补。',
    guide: {
      category: 'QY-YX', code: ['01', '00105', '000', '01'], allowsDeficientAcceptance: true,
      location: at('5 号市场监管窗口'), hours: HOURS, contactPhone: '0571-12345605', complaintPhone: COMPLAINT,
      conditions: '1. 有依法经过资格认定的药师或者其他药学技术人员；2. 有与所经营药品相适应的营业场所、设备、仓储设施和卫生环境；3. 有与所经营药品相适应的质量管理机构或者人员；4. 有保证药品质量的规章制度，并符合药品经营质量管理规范要求。',
    },
    materials: [
      { name: '药品经营许可证申请表', original: 'original', medium: 'both' },
      businessLicence(),
      { name: '执业药师注册证及身份证明', original: 'copy', medium: 'electronic', deferrable: true },
      { name: '营业场所和仓库产权证明或使用证明', original: 'copy', medium: 'both', elicence: '不动产权证书' },
      { name: '药品质量管理制度文件', original: 'original', medium: 'electronic' },
    ],
    form: formSpec([
      ...enterprise('企业名称'),
      text('legalRepresentative', '法定代表人（企业负责人）', 'Legal representative', true, { maxLength: 50 }),
      ...place('营业场所', 'Premises'),
      select('mode', '经营方式', 'Operating mode', [['single', '单体药店', 'Independent pharmacy'], ['chain', '连锁门店', 'Chain store']]),
      showIf(text('chainHeadquarters', '所属连锁总部名称', 'Chain headquarters', true, { maxLength: 100 }), { field: 'mode', equals: 'chain' }),
      number('area', '营业面积（平方米）', 'Floor area (m²)', true, { minimum: 40, maximum: 100000, description: '不少于 40 平方米' }),
      textarea('scope', '经营范围', 'Business scope', true, { maxLength: 500, 'x-placeholder': '如：中成药、化学药制剂、抗生素制剂、生化药品' }),
      table('pharmacists', '执业药师', 'Licensed pharmacists', [
        text('name', '姓名', 'Name', true, { maxLength: 50 }),
        idCard('idNumber', '公民身份号码', 'ID card number'),
        text('certificateNo', '注册证编号', 'Registration no.', false, { maxLength: 40 }),
      ], { min: 1, max: 20 }, { description: '每位执业药师一行' }),
    ]),
  },
  {
    code: 'SCJG-DJ-005', name: '特种设备使用登记', dept: 'SCJG', type: 'promised', process: reviewDecide('SCJG').key,
    legalBasis: '《中华人民共和国特种设备安全法》第三十三条；《特种设备使用管理规则》（TSG 08-2017）',
    legalDays: 15, promisedDays: 5,
    description: '锅炉、压力容器、电梯、起重机械等特种设备在投入使用前或投入使用后 30 日内，使用单位申请使用登记，领取使用登记证。',
    guide: {
      category: 'QY-TZ', code: ['07', '00106', '000', '01'], location: at('5 号市场监管窗口'), hours: HOURS,
      contactPhone: '0571-12345605', complaintPhone: COMPLAINT,
      conditions: '特种设备已安装完毕，经监督检验合格（按规定需要监督检验的），使用单位已建立安全管理制度并配备安全管理人员。',
    },
    materials: [
      { name: '特种设备使用登记表', original: 'original', copies: 2, medium: 'both' },
      businessLicence('使用单位营业执照'),
      { name: '产品合格证（含产品数据表）', original: 'copy', medium: 'both' },
      { name: '监督检验证明', original: 'original', medium: 'electronic', condition: '按规定需要监督检验的设备' },
    ],
    form: formSpec([
      ...enterprise('使用单位名称'),
      ...place('设备使用地点', 'Place of use'),
      text('safetyManager', '安全管理人员', 'Safety manager', true, { maxLength: 50 }),
      table('equipment', '设备清单', 'Equipment', [
        select('category', '设备类别', 'Category', [
          ['boiler', '锅炉', 'Boiler'], ['vessel', '压力容器', 'Pressure vessel'], ['elevator', '电梯', 'Elevator'],
          ['crane', '起重机械', 'Crane'], ['vehicle', '场（厂）内专用机动车辆', 'Site vehicle'],
        ]),
        text('productNo', '产品编号', 'Product no.', true, { maxLength: 40 }),
        text('maker', '制造单位', 'Manufacturer', true, { maxLength: 100 }),
        date('installedOn', '安装完成日期', 'Installed on', false, { 'x-maxDate': 'today' }),
      ], { min: 1, max: 50 }, { description: '每台设备一行' }),
    ]),
  },
  {
    code: 'SCJG-LB-001', name: '企业开办“一件事”联办', dept: 'SCJG', type: 'joint', process: enterpriseStartup.key,
    legalBasis: '《中华人民共和国市场主体登记管理条例》第十九条；《优化营商环境条例》第十九条；《国务院关于进一步优化政务服务提升行政效能推动“高效办成一件事”的指导意见》（国发〔2024〕3号）',
    legalDays: 3, promisedDays: 1,
    description: '新开办企业一表申请、一窗受理：市场监管办理设立登记，公安、税务、人社同步办理公章刻制备案、发票申领和社会保险登记，一次领取全部结果。',
    guide: {
      category: 'QY-KB', code: ['20', '00107', '000', '01'], location: GENERAL, hours: HOURS, contactPhone: '0571-12345605', complaintPhone: COMPLAINT,
      conditions: '申请设立有限责任公司或个人独资企业、合伙企业，名称已自主申报，住所真实有效。',
    },
    materials: [
      { name: '企业开办一件事申请表', original: 'original', medium: 'both' },
      { name: '公司章程（或合伙协议）', original: 'original', medium: 'both' },
      idProof('股东及法定代表人身份证明'),
      { name: '住所使用证明', original: 'copy', medium: 'both', elicence: '不动产权证书' },
      { name: '刻制印章委托书', original: 'original', medium: 'paper', condition: '委托刻章企业代为刻制的' },
    ],
    form: formSpec([
      ...applicantFields('经办人姓名', 'Agent name'),
      section('企业信息', 'The enterprise'),
      text('companyName', '拟设立企业名称', 'Proposed name', true, { maxLength: 100 }),
      select('companyForm', '企业类型', 'Type', [['llc', '有限责任公司', 'Limited liability company'], ['sole', '个人独资企业', 'Sole proprietorship'], ['partnership', '合伙企业', 'Partnership']]),
      ...place('住所', 'Domicile'),
      money('capital', '注册资本（出资额，万元）', 'Registered capital (10k yuan)', true, { minimum: 0.01, maximum: 10000000 }),
      textarea('scope', '经营范围', 'Business scope', true, { maxLength: 1000 }),
      text('legalRepresentative', '法定代表人（负责人）姓名', 'Legal representative', true, { maxLength: 50 }),
      idCard('legalRepresentativeId', '法定代表人公民身份号码', 'Legal representative ID card number'),
      table('shareholders', '股东（出资人）', 'Shareholders', [
        text('name', '姓名或名称', 'Name', true, { maxLength: 100 }),
        idCard('idNumber', '公民身份号码', 'ID card number'),
        money('contribution', '认缴出资（万元）', 'Subscribed (10k yuan)', true, { minimum: 0.01 }),
      ], { min: 1, max: 50 }),
      section('同步办理', 'Done together'),
      select('needInvoice', '是否同时申领发票', 'Apply for invoices too', yesNo),
      showIf(select('invoiceType', '发票种类', 'Invoice type', [['general', '数电发票（普通发票）', 'Digital invoice (ordinary)'], ['special', '数电发票（增值税专用发票）', 'Digital invoice (VAT special)']]), { field: 'needInvoice', equals: 'yes' }),
      number('employees', '参保职工人数', 'Insured employees', true, { minimum: 0, maximum: 100000 }),
    ]),
  },

  // 税务局
  {
    code: 'SWJ-FP-001', name: '发票领用', dept: 'SWJ', type: 'immediate', process: immediate('SWJ').key,
    legalBasis: '《中华人民共和国发票管理办法》第十五条；《中华人民共和国发票管理办法实施细则》第十五条',
    legalDays: 5, promisedDays: 0,
    description: '已办理涉税信息确认的纳税人，按经营需要领用发票（含数电发票额度），当场办结。',
    guide: {
      category: 'QY-SW', code: ['20', '00202', '000', '01'], location: GENERAL, hours: HOURS, contactPhone: '12366', complaintPhone: COMPLAINT,
      conditions: '已办理设立登记和涉税信息确认，无未按规定缴销的发票，无重大税收违法失信情形。',
    },
    materials: [
      { name: '发票领用表', original: 'original', medium: 'electronic' },
      idProof('经办人身份证件'),
      { name: '发票专用章印模', original: 'original', medium: 'paper', condition: '首次领用纸质发票的' },
    ],
    form: formSpec([
      ...enterprise('纳税人名称'),
      select('invoiceType', '发票种类', 'Invoice type', [
        ['digital-general', '数电发票（普通发票）', 'Digital invoice (ordinary)'], ['digital-special', '数电发票（增值税专用发票）', 'Digital invoice (VAT special)'],
        ['paper-general', '增值税普通发票（纸质）', 'VAT ordinary invoice (paper)'], ['vehicle', '机动车销售统一发票', 'Motor vehicle sales invoice'],
      ]),
      showIf(money('creditLimit', '申请开具金额总额度（元）', 'Requested invoicing limit (yuan)', true, { minimum: 1, maximum: 100000000 }), { field: 'invoiceType', in: ['digital-general', 'digital-special'] }),
      showIf(number('copies', '领用份数', 'Copies', true, { minimum: 1, maximum: 1000 }), { field: 'invoiceType', in: ['paper-general', 'vehicle'] }),
      text('agent', '经办人姓名', 'Agent', true, { maxLength: 50 }),
      idCard('agentId', '经办人公民身份号码', 'Agent ID card number'),
    ]),
  },
  {
    code: 'SWJ-DJ-002', name: '增值税一般纳税人登记', dept: 'SWJ', type: 'immediate', process: immediate('SWJ').key,
    legalBasis: '《中华人民共和国增值税暂行条例》第十三条；《增值税一般纳税人登记管理办法》（国家税务总局令第43号）第五条、第六条',
    legalDays: 0, promisedDays: 0,
    description: '年应税销售额超过小规模纳税人标准，或会计核算健全自愿登记的纳税人，办理增值税一般纳税人登记，填报内容与税务登记信息一致的当场登记。',
    guide: {
      category: 'QY-SW', code: ['07', '00203', '000', '01'], location: GENERAL, hours: HOURS, contactPhone: '12366', complaintPhone: COMPLAINT,
      conditions: '年应税销售额超过 500 万元的纳税人应当登记；未超过但会计核算健全、能够提供准确税务资料的，可以申请登记。',
    },
    materials: [
      { name: '增值税一般纳税人登记表', original: 'original', medium: 'electronic' },
      businessLicence('税务登记证件（营业执照）'),
      idProof('经办人身份证件'),
    ],
    form: formSpec([
      ...enterprise('纳税人名称'),
      money('annualSales', '年应税销售额（元）', 'Annual taxable sales (yuan)', true, { minimum: 0, maximum: 1e12 }),
      select('accounting', '会计核算是否健全', 'Sound bookkeeping', yesNo),
      select('effective', '一般纳税人资格生效之日', 'Effective from', [['this-month', '当月 1 日', 'The 1st of this month'], ['next-month', '次月 1 日', 'The 1st of next month']]),
      text('accountant', '财务负责人', 'Chief accountant', true, { maxLength: 50 }),
      phone('accountantPhone', '财务负责人电话', 'Chief accountant phone'),
    ]),
  },

  // 公安局
  {
    code: 'GAJ-SFZ-001', name: '居民身份证换领', dept: 'GAJ', type: 'promised', process: reviewDecide('GAJ').key,
    legalBasis: '《中华人民共和国居民身份证法》第十一条、第十二条', legalDays: 60, promisedDays: 20, unit: 'day',
    description: '居民身份证有效期满、证件严重损坏不能辨认或登记项目变更的，换领新证；可选择窗口领取或邮寄送达。',
    guide: {
      category: 'GR-ZJ', code: ['20', '00302', '000', '01'], location: GENERAL, hours: HOURS, contactPhone: '0571-12345110', complaintPhone: COMPLAINT,
      conditions: '本县常住户口居民，居民身份证有效期满（可在期满前 3 个月内申请）、严重损坏或登记项目变更。',
      fees: [{ name: '居民身份证工本费', amount: 20, basis: '《国家发展改革委 财政部关于居民身份证收费标准及有关问题的通知》（发改价格〔2003〕2322号）' }],
    },
    materials: [
      { name: '居民户口簿', original: 'original', medium: 'paper', elicence: '居民户口簿' },
      { name: '原居民身份证', original: 'original', medium: 'paper' },
      { name: '数码相片回执', original: 'original', medium: 'electronic', condition: '未在窗口现场采集人像的' },
    ],
    form: formSpec([
      ...person(),
      select('reason', '换领原因', 'Reason', [
        ['expired', '有效期满', 'Expired'], ['damaged', '证件严重损坏', 'Badly damaged'], ['changed', '登记项目变更', 'Registered details changed'],
      ]),
      showIf(text('changedItem', '变更的登记项目', 'Which details changed', true, { maxLength: 100, 'x-placeholder': '如：姓名、住址' }), { field: 'reason', equals: 'changed' }),
      select('delivery', '领取方式', 'How to receive', [['window', '窗口领取', 'Collect at the window'], ['post', '邮寄送达（到付）', 'By post']]),
      showIf(region('postRegion', '收件地区（省市县）', 'Delivery region'), { field: 'delivery', equals: 'post' }),
      showIf(text('postAddress', '收件详细地址', 'Delivery address', true, { maxLength: 200 }), { field: 'delivery', equals: 'post' }),
    ]),
  },
  {
    code: 'GAJ-SFZ-002', name: '临时居民身份证核发', dept: 'GAJ', type: 'immediate', process: immediate('GAJ').key,
    legalBasis: '《中华人民共和国居民身份证法》第十二条；《中华人民共和国临时居民身份证管理办法》第二条、第十二条',
    legalDays: 3, promisedDays: 0, unit: 'day',
    description: '在申领、换领、补领居民身份证期间急需使用的，申领临时居民身份证，当场制发。',
    guide: {
      category: 'GR-ZJ', code: ['20', '00303', '000', '01'], location: GENERAL, hours: HOURS, contactPhone: '0571-12345110', complaintPhone: COMPLAINT,
      conditions: '本县常住户口居民，正在申领、换领或补领居民身份证，且急需使用。',
      fees: [{ name: '临时居民身份证工本费', amount: 10, basis: '《国家发展改革委 财政部关于居民身份证收费标准及有关问题的通知》（发改价格〔2003〕2322号）' }],
    },
    materials: [
      { name: '居民户口簿', original: 'original', medium: 'paper', elicence: '居民户口簿' },
      { name: '居民身份证受理回执', original: 'original', medium: 'paper' },
      { name: '近期一寸免冠相片', original: 'original', copies: 1, medium: 'paper' },
    ],
    form: formSpec([
      ...person(),
      select('reason', '申领原因', 'Reason', [['first', '首次申领期间', 'First application pending'], ['renew', '换领期间', 'Renewal pending'], ['lost', '补领期间', 'Replacement pending']]),
      text('receiptNo', '居民身份证受理回执编号', 'Receipt no.', true, { maxLength: 40 }),
      textarea('urgency', '急需用证事由', 'Why it is urgent', false, { maxLength: 200 }),
    ]),
  },

  // 人力资源和社会保障局
  {
    code: 'RSJ-SY-001', name: '失业保险金申领', dept: 'RSJ', type: 'promised', process: reviewDecide('RSJ').key,
    legalBasis: '《中华人民共和国社会保险法》第四十五条、第五十条；《失业保险条例》第十四条、第十六条',
    legalDays: 10, promisedDays: 3,
    description: '非因本人意愿中断就业、已办理失业登记并有求职要求的失业人员，申领失业保险金，同时享受职工基本医疗保险待遇。',
    guide: {
      category: 'GR-SB', code: ['20', '00402', '000', '01'], location: GENERAL, hours: HOURS, contactPhone: '12333', complaintPhone: COMPLAINT,
      conditions: '1. 失业前用人单位和本人已经缴纳失业保险费满一年；2. 非因本人意愿中断就业；3. 已经进行失业登记，并有求职要求。',
    },
    materials: [
      idProof('居民身份证'),
      { name: '解除或者终止劳动关系的证明', original: 'original', medium: 'both' },
      { name: '社会保障卡（金融账户）', original: 'original', medium: 'electronic', elicence: '社会保障卡' },
      { name: '失业登记证明', original: 'copy', medium: 'electronic', condition: '未在本中心办理失业登记的' },
    ],
    form: formSpec([
      ...person(),
      region('household', '户籍所在地（省市县）', 'Household registration (region)'),
      section('原工作单位', 'Last employer'),
      text('employer', '原工作单位名称', 'Last employer', true, { maxLength: 100 }),
      creditCode('employerCode', '原单位统一社会信用代码', 'Employer credit code'),
      date('separatedOn', '劳动关系解除（终止）日期', 'Employment ended on', true, { 'x-minDate': 'today-730', 'x-maxDate': 'today', description: '两年内' }),
      select('separation', '解除（终止）原因', 'Why employment ended', [
        ['expired', '劳动合同期满终止', 'Contract expired'], ['dismissed', '用人单位解除', 'Dismissed by the employer'],
        ['bankrupt', '单位破产、关闭或撤销', 'Employer closed'], ['forced', '因单位过错本人被迫解除', 'Forced by the employer’s fault'],
      ]),
      number('contributionYears', '累计缴纳失业保险费年限', 'Years of contributions', true, { minimum: 1, maximum: 50 }),
      text('bankAccount', '社会保障卡金融账户账号', 'Social security card account', true, { pattern: '^[0-9]{12,19}$', 'x-patternHint': '12 至 19 位数字', 'x-patternHintEn': '12 to 19 digits', 'x-placeholder': '6217001234567890123' }),
    ]),
  },
  {
    code: 'RSJ-XK-001', name: '人力资源服务许可', dept: 'RSJ', type: 'promised', process: reviewDecide('RSJ').key,
    legalBasis: '《人力资源市场暂行条例》第十八条、第十九条；《人力资源服务机构管理规定》第七条',
    legalDays: 20, promisedDays: 10,
    description: '经营性人力资源服务机构从事职业中介活动，申请《人力资源服务许可证》。工作制度文本可容缺后补。',
    guide: {
      category: 'QY-JY', code: ['01', '00403', '000', '01'], allowsDeficientAcceptance: true,
      location: GENERAL, hours: HOURS, contactPhone: '12333', complaintPhone: COMPLAINT,
      conditions: '1. 有明确的机构章程和管理制度；2. 有开展业务必备的固定场所、办公设施和开办资金；3. 有 3 名以上具备相应职业资格的专职工作人员。',
    },
    materials: [
      { name: '人力资源服务许可申请表', original: 'original', medium: 'both' },
      businessLicence(),
      { name: '经营场所使用证明', original: 'copy', medium: 'both' },
      { name: '专职工作人员名单及资格证明', original: 'copy', medium: 'electronic' },
      { name: '工作制度和服务规范文本', original: 'original', medium: 'electronic', deferrable: true },
    ],
    form: formSpec([
      ...enterprise('机构名称'),
      text('legalRepresentative', '法定代表人', 'Legal representative', true, { maxLength: 50 }),
      ...place('服务场所', 'Service premises'),
      number('area', '服务场所面积（平方米）', 'Floor area (m²)', true, { minimum: 1, maximum: 100000 }),
      money('capital', '开办资金（万元）', 'Start-up funds (10k yuan)', true, { minimum: 0.01 }),
      table('staff', '专职工作人员', 'Full-time staff', [
        text('name', '姓名', 'Name', true, { maxLength: 50 }),
        idCard('idNumber', '公民身份号码', 'ID card number'),
        select('education', '学历', 'Education', [['college', '大专', 'Junior college'], ['bachelor', '本科', 'Bachelor'], ['master', '研究生', 'Postgraduate']]),
      ], { min: 3, max: 100 }, { description: '至少 3 人' }),
      email('email', '电子邮箱', 'Email'),
    ]),
  },

  // 住房和城乡建设局
  {
    code: 'ZJJ-XK-002', name: '商品房预售许可', dept: 'ZJJ', type: 'promised', process: reviewDecide('ZJJ').key,
    legalBasis: '《中华人民共和国城市房地产管理法》第四十五条；《城市商品房预售管理办法》第五条、第七条',
    legalDays: 10, promisedDays: 5,
    description: '房地产开发企业预售商品房，申请《商品房预售许可证》。工程施工进度证明可容缺后补。',
    guide: {
      category: 'GC-FD', code: ['01', '00502', '000', '01'], allowsDeficientAcceptance: true,
      location: PROJECTS, hours: HOURS, contactPhone: '0571-12345620', complaintPhone: COMPLAINT,
      conditions: '1. 已交付全部土地使用权出让金，取得土地使用权证书；2. 持有建设工程规划许可证和施工许可证；3. 按提供预售的商品房计算，投入开发建设的资金达到工程建设总投资的 25% 以上，并已确定施工进度和竣工交付日期。',
    },
    materials: [
      { name: '商品房预售许可申请表', original: 'original', medium: 'both' },
      businessLicence('开发企业营业执照和资质证书'),
      licence('不动产权证书'),
      licence('建设工程规划许可证'),
      licence('建筑工程施工许可证'),
      { name: '工程施工进度证明', original: 'original', medium: 'both', deferrable: true },
    ],
    form: formSpec([
      ...enterprise('开发企业名称'),
      text('projectName', '项目名称', 'Project', true, { maxLength: 100 }),
      ...place('项目坐落', 'Project location'),
      table('buildings', '预售楼栋', 'Buildings for presale', [
        text('building', '楼栋号', 'Building', true, { maxLength: 20 }),
        number('floors', '地上层数', 'Floors', true, { minimum: 1, maximum: 200 }),
        number('units', '预售套数', 'Units', true, { minimum: 1, maximum: 5000 }),
        number('area', '预售面积（平方米）', 'Area (m²)', true, { minimum: 1 }),
      ], { min: 1, max: 50 }),
      text('escrowBank', '预售资金监管银行', 'Escrow bank', true, { maxLength: 100 }),
      text('escrowAccount', '监管账户账号', 'Escrow account', true, { pattern: '^[0-9]{10,25}$', 'x-patternHint': '10 至 25 位数字', 'x-patternHintEn': '10 to 25 digits', 'x-placeholder': '33050162000000001234' }),
      date('deliveryDate', '竣工交付日期', 'Handover date', true, { 'x-minDate': 'today', 'x-maxDate': 'today+1825' }),
    ]),
  },
  {
    code: 'ZJJ-LB-001', name: '建设工程竣工联合验收', dept: 'ZJJ', type: 'joint', process: completionAcceptance.key,
    legalBasis: '《建设工程质量管理条例》第十六条、第四十九条；《建设工程消防设计审查验收管理暂行规定》；《国务院办公厅关于全面开展工程建设项目审批制度改革的实施意见》（国办发〔2019〕11号）',
    legalDays: 20, promisedDays: 12,
    description: '住建局牵头，一次受理、联合现场验收：住建（质量、消防）与自然资源（规划条件核实）会签，统一出具联合验收意见。',
    guide: {
      category: 'GC-YS', code: ['07', '00503', '000', '01'], location: PROJECTS, hours: HOURS, contactPhone: '0571-12345620', complaintPhone: COMPLAINT,
      conditions: '工程已按设计和合同约定完成，建设单位已组织勘察、设计、施工、监理单位完成竣工验收。',
    },
    materials: [
      { name: '竣工联合验收申请表', original: 'original', medium: 'both' },
      { name: '工程竣工验收报告', original: 'original', medium: 'both' },
      licence('建设工程规划许可证'),
      { name: '竣工图及竣工测量成果', original: 'original', medium: 'electronic' },
      { name: '消防验收技术资料', original: 'original', medium: 'electronic', condition: '特殊建设工程' },
    ],
    form: formSpec([
      ...enterprise('建设单位名称'),
      text('projectName', '工程名称', 'Project', true, { maxLength: 100 }),
      text('permitNo', '施工许可证编号', 'Construction permit no.', true, { maxLength: 40 }),
      ...place('工程地址', 'Site'),
      number('floorArea', '总建筑面积（平方米）', 'Floor area (m²)', true, { minimum: 1 }),
      select('special', '是否特殊建设工程（消防）', 'Special fire-safety project', yesNo),
      showIf(text('fireReviewNo', '消防设计审查意见书文号', 'Fire design approval no.', true, { maxLength: 60 }), { field: 'special', equals: 'yes' }),
      date('completedOn', '竣工日期', 'Completed on', true, { 'x-maxDate': 'today' }),
    ]),
  },

  // 自然资源局
  {
    code: 'ZRZY-XK-001', name: '建设用地规划许可证核发', dept: 'ZRZY', type: 'promised', process: reviewDecide('ZRZY').key,
    legalBasis: '《中华人民共和国城乡规划法》第三十七条、第三十八条；《中华人民共和国土地管理法》第五十四条',
    legalDays: 20, promisedDays: 5,
    description: '以划拨或出让方式取得国有土地使用权的建设项目，申请核发建设用地规划许可证（与用地批准合并办理）。',
    guide: {
      category: 'GC-GH', code: ['01', '00602', '000', '01'], location: at('8 号不动产登记窗口'), hours: HOURS,
      contactPhone: '0571-12345608', complaintPhone: COMPLAINT,
      conditions: '建设项目符合国土空间规划，已取得项目批准、核准或备案文件；出让用地已签订国有建设用地使用权出让合同。',
    },
    materials: [
      { name: '建设用地规划许可申请表', original: 'original', medium: 'both' },
      { name: '项目批准、核准或备案文件', original: 'copy', medium: 'electronic' },
      { name: '国有建设用地使用权出让合同', original: 'copy', medium: 'both', condition: '以出让方式取得土地的' },
      { name: '宗地图（用地红线图）', original: 'original', medium: 'electronic' },
    ],
    form: formSpec([
      ...enterprise('用地单位名称'),
      text('projectName', '项目名称', 'Project', true, { maxLength: 100 }),
      ...place('用地位置', 'Land location'),
      number('landArea', '用地面积（平方米）', 'Land area (m²)', true, { minimum: 1 }),
      select('supply', '供地方式', 'How the land is supplied', [['allocation', '划拨', 'Allocation'], ['transfer', '出让', 'Transfer (sale)']]),
      showIf(text('contractNo', '出让合同编号', 'Transfer contract no.', true, { maxLength: 60 }), { field: 'supply', equals: 'transfer' }),
      select('use', '用地性质', 'Land use', [['industrial', '工业用地', 'Industrial'], ['commercial', '商业服务业用地', 'Commercial'], ['residential', '居住用地', 'Residential'], ['public', '公共管理与公共服务用地', 'Public services']]),
    ]),
  },
  {
    code: 'ZRZY-BP-001', name: '农用地转用和土地征收审查报批', dept: 'ZRZY', type: 'reported', process: landConversion.key,
    legalBasis: '《中华人民共和国土地管理法》第四十四条、第四十六条、第四十七条；《中华人民共和国土地管理法实施条例》第二十三条、第二十四条',
    legalDays: 20, promisedDays: 15,
    description: '县级组织用地报批材料，经初审和局务会审议后组卷，报省人民政府审批（上报件：批准机关为上级政府）。',
    guide: {
      category: 'GC-GH', code: ['01', '00603', '000', '01'], location: PROJECTS, hours: HOURS, contactPhone: '0571-12345608', complaintPhone: COMPLAINT,
      conditions: '用地符合国土空间规划和年度用地计划，已完成土地征收前期工作（公告、现状调查、社会稳定风险评估、补偿安置协议）。',
    },
    materials: [
      { name: '建设用地呈报说明书', original: 'original', medium: 'both' },
      { name: '农用地转用方案', original: 'original', medium: 'both' },
      { name: '补充耕地方案', original: 'original', medium: 'both' },
      { name: '征收土地方案及补偿安置协议', original: 'original', medium: 'both' },
      { name: '社会稳定风险评估报告', original: 'original', medium: 'electronic' },
    ],
    form: formSpec([
      ...enterprise('申报单位名称'),
      text('batchName', '批次名称', 'Batch', true, { maxLength: 100, 'x-placeholder': '如：示范县 2026 年度第 3 批次城镇建设用地' }),
      region('region', '用地所在地（省市县）', 'Region', true, { 'x-regionLevel': 'county' }),
      number('totalHa', '用地总面积（公顷）', 'Total area (ha)', true, { minimum: 0.0001 }),
      number('farmlandHa', '其中农用地（公顷）', 'Of which farmland (ha)', true, { minimum: 0 }),
      number('arableHa', '其中耕地（公顷）', 'Of which arable land (ha)', true, { minimum: 0 }),
      select('purpose', '用途', 'Purpose', [['urban', '城镇建设', 'Urban construction'], ['project', '单独选址项目', 'Individually sited project'], ['village', '村庄建设', 'Village construction']]),
    ]),
  },
  {
    code: 'ZRZY-DJ-002', name: '存量房转移登记（与税费联办）', dept: 'ZRZY', type: 'joint', process: propertyTransfer.key,
    legalBasis: '《不动产登记暂行条例》第十四条、第二十条；《中华人民共和国契税法》第九条、第十一条',
    legalDays: 30, promisedDays: 3,
    description: '二手房买卖一窗受理：自然资源局审核转移登记、税务局同时核定并征收税费，完税后登簿发证。',
    guide: {
      category: 'BDC', code: ['07', '00604', '000', '01'], location: at('8 号不动产登记窗口'), hours: HOURS,
      contactPhone: '0571-12345608', complaintPhone: COMPLAINT,
      conditions: '不动产已办理首次登记，无查封、异议登记等限制转移的情形；买卖双方共同申请。',
      fees: [{ name: '不动产登记费（住宅类）', amount: 80, basis: '《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）' }],
    },
    materials: [
      { name: '不动产登记申请书', original: 'original', medium: 'both' },
      idProof('买卖双方身份证明'),
      licence('不动产权证书'),
      { name: '存量房买卖合同', original: 'original', medium: 'both' },
      { name: '婚姻状况证明', original: 'copy', medium: 'paper', condition: '出卖人或买受人已婚、涉及夫妻共有的' },
    ],
    form: formSpec([
      ...person(),
      section('不动产', 'The property'),
      region('region', '不动产坐落（省市县）', 'Location (region)', true, { 'x-regionLevel': 'county' }),
      text('address', '坐落详细地址', 'Street address', true, { maxLength: 200 }),
      text('unitNo', '不动产单元号', 'Real estate unit no.', true, { pattern: '^[0-9A-Z]{28}$', 'x-patternHint': '28 位数字或大写字母', 'x-patternHintEn': '28 digits or capital letters', 'x-placeholder': '330122001001GB00001F00010001' }),
      money('price', '成交价格（元）', 'Price (yuan)', true, { minimum: 1 }),
      section('买受人', 'Buyers'),
      select('ownership', '共有方式', 'Co-ownership', [['single', '单独所有', 'Sole'], ['joint', '共同共有', 'Joint'], ['shares', '按份共有', 'In shares']]),
      table('buyers', '买受人', 'Buyers', [
        text('name', '姓名', 'Name', true, { maxLength: 50 }),
        idCard('idNumber', '公民身份号码', 'ID card number'),
        number('share', '份额（%）', 'Share (%)', false, { minimum: 0.01, maximum: 100 }),
      ], { min: 1, max: 10 }, { description: '按份共有的填写各自份额' }),
    ]),
  },

  // 发展和改革局
  {
    code: 'FGJ-HZ-001', name: '企业投资项目核准', dept: 'FGJ', type: 'promised', process: reviewDecide('FGJ').key,
    legalBasis: '《企业投资项目核准和备案管理条例》第六条、第九条；《政府核准的投资项目目录》',
    legalDays: 20, promisedDays: 10,
    description: '列入《政府核准的投资项目目录》且由县级核准的企业投资项目，开工建设前报送项目申请报告。',
    guide: {
      category: 'GC-LX', code: ['01', '00703', '000', '01'], location: PROJECTS, hours: HOURS, contactPhone: '0571-12345630', complaintPhone: COMPLAINT,
      conditions: '项目属于县级核准权限，不危害经济安全、社会安全和生态安全，符合国土空间规划和产业政策。',
    },
    materials: [
      { name: '项目申请报告', original: 'original', medium: 'both' },
      businessLicence('企业营业执照'),
      { name: '用地预审与选址意见书', original: 'copy', medium: 'electronic', condition: '需要新增建设用地的' },
      { name: '项目单位对材料真实性的承诺书', original: 'original', medium: 'both' },
    ],
    form: formSpec([
      ...enterprise('项目单位名称'),
      text('projectName', '项目名称', 'Project', true, { maxLength: 100 }),
      ...place('建设地点', 'Site'),
      select('industry', '所属行业', 'Industry', [['energy', '能源', 'Energy'], ['transport', '交通运输', 'Transport'], ['raw', '原材料', 'Raw materials'], ['urban', '城建', 'Urban construction'], ['other', '其他', 'Other']]),
      money('investment', '总投资（万元）', 'Total investment (10k yuan)', true, { minimum: 1 }),
      textarea('scale', '建设规模及主要内容', 'Scale and content', true, { maxLength: 1000 }),
      date('plannedStart', '计划开工日期', 'Planned start', true, { 'x-minDate': 'today', 'x-maxDate': 'today+1095' }),
    ]),
  },
  {
    code: 'FGJ-JN-001', name: '固定资产投资项目节能审查', dept: 'FGJ', type: 'promised', process: reviewDecide('FGJ').key,
    legalBasis: '《中华人民共和国节约能源法》第十五条；《固定资产投资项目节能审查办法》（国家发展改革委令2023年第2号）',
    legalDays: 20, promisedDays: 10,
    description: '年综合能源消费量 1000 吨标准煤以上（或年电力消费量 500 万千瓦时以上）的固定资产投资项目，开工建设前报送节能报告。',
    guide: {
      category: 'GC-LX', code: ['01', '00704', '000', '01'], location: PROJECTS, hours: HOURS, contactPhone: '0571-12345630', complaintPhone: COMPLAINT,
      conditions: '项目已完成备案或核准，节能报告符合节能法律法规、强制性节能标准和能耗双控要求。',
    },
    materials: [
      { name: '节能审查申请文件', original: 'original', medium: 'both' },
      { name: '项目节能报告', original: 'original', medium: 'both' },
      { name: '项目备案或核准文件', original: 'copy', medium: 'electronic' },
    ],
    form: formSpec([
      ...enterprise('建设单位名称'),
      text('projectName', '项目名称', 'Project', true, { maxLength: 100 }),
      number('energyTce', '年综合能源消费量（吨标准煤，当量值）', 'Annual energy use (tce)', true, { minimum: 0 }),
      number('powerMwh', '年电力消费量（万千瓦时）', 'Annual electricity use (10 MWh)', true, { minimum: 0 }),
      select('grade', '能效水平', 'Energy-efficiency level', [['advanced', '国际先进', 'International advanced'], ['domestic', '国内先进', 'Domestic advanced'], ['baseline', '行业基准', 'Industry baseline']]),
      attachment('energyBalance', '能量平衡表', 'Energy balance sheet', false, { description: '可选，PDF 或图片' }),
    ]),
  },

  // 卫生健康委员会
  {
    code: 'WJW-XK-003', name: '母婴保健技术服务执业许可', dept: 'WJW', type: 'promised', process: reviewDecide('WJW').key,
    legalBasis: '《中华人民共和国母婴保健法》第三十二条、第三十三条；《中华人民共和国母婴保健法实施办法》第三十五条',
    legalDays: 20, promisedDays: 15,
    description: '医疗保健机构开展婚前医学检查、助产技术、结扎手术和终止妊娠手术等母婴保健技术服务，申请执业许可。',
    guide: {
      category: 'YL', code: ['01', '00803', '000', '01'], location: GENERAL, hours: HOURS, contactPhone: '0571-12345640', complaintPhone: COMPLAINT,
      conditions: '已取得《医疗机构执业许可证》，具有符合规定的房屋、设备和经考核合格的专业技术人员。',
    },
    materials: [
      { name: '母婴保健技术服务执业许可申请登记书', original: 'original', medium: 'both' },
      licence('医疗机构执业许可证'),
      { name: '从业人员母婴保健技术考核合格证明', original: 'copy', medium: 'electronic' },
      { name: '服务场所平面图及设备清单', original: 'original', medium: 'electronic' },
    ],
    form: formSpec([
      ...enterprise('医疗保健机构名称'),
      ...place('机构地址', 'Address'),
      select('service', '申请服务项目', 'Service', [
        ['premarital', '婚前医学检查', 'Premarital check-up'], ['midwifery', '助产技术', 'Midwifery'],
        ['ligation', '结扎手术', 'Sterilisation'], ['termination', '终止妊娠手术', 'Termination of pregnancy'],
      ]),
      table('staff', '从业人员', 'Practitioners', [
        text('name', '姓名', 'Name', true, { maxLength: 50 }),
        idCard('idNumber', '公民身份号码', 'ID card number'),
        text('certificateNo', '考核合格证编号', 'Certificate no.', true, { maxLength: 40 }),
      ], { min: 1, max: 100 }),
    ]),
  },
  {
    code: 'WJW-XK-004', name: '医师执业注册', dept: 'WJW', type: 'promised', process: reviewDecide('WJW').key,
    legalBasis: '《中华人民共和国医师法》第十三条、第十四条；《医师执业注册管理办法》',
    legalDays: 20, promisedDays: 10,
    description: '取得医师资格、拟在本县医疗卫生机构执业的医师，申请执业注册（首次注册）。',
    guide: {
      category: 'YL', code: ['01', '00804', '000', '01'], location: GENERAL, hours: HOURS, contactPhone: '0571-12345640', complaintPhone: COMPLAINT,
      conditions: '已取得医师资格证书，身体健康能够胜任执业，无《医师法》第十六条规定不予注册的情形，已有拟执业的医疗卫生机构。',
    },
    materials: [
      { name: '医师执业注册申请审核表', original: 'original', medium: 'both' },
      licence('医师资格证书'),
      { name: '近 6 个月内的健康体检证明', original: 'original', medium: 'both' },
      { name: '拟执业机构的聘用证明', original: 'original', medium: 'electronic' },
    ],
    form: formSpec([
      ...person(),
      text('qualificationNo', '医师资格证书编码', 'Qualification no.', true, { pattern: '^[0-9]{15,27}$', 'x-patternHint': '15 至 27 位数字', 'x-patternHintEn': '15 to 27 digits', 'x-placeholder': '202233110330122198503120013' }),
      select('category', '执业类别', 'Category', [['clinical', '临床', 'Clinical'], ['tcm', '中医', 'Traditional Chinese medicine'], ['dental', '口腔', 'Dental'], ['public', '公共卫生', 'Public health']]),
      text('scope', '执业范围', 'Scope', true, { maxLength: 100, 'x-placeholder': '如：内科专业' }),
      text('institution', '拟执业机构名称', 'Institution', true, { maxLength: 100 }),
      creditCode('institutionCode', '拟执业机构统一社会信用代码', 'Institution credit code'),
    ]),
  },

  // 生态环境局
  {
    code: 'STHJ-XK-001', name: '排污许可证核发', dept: 'STHJ', type: 'promised', process: reviewDecide('STHJ').key,
    legalBasis: '《中华人民共和国环境保护法》第四十五条；《排污许可管理条例》第六条、第八条、第十一条',
    legalDays: 20, promisedDays: 10,
    description: '纳入固定污染源排污许可分类管理名录的排污单位，申请取得排污许可证后方可排放污染物。',
    guide: {
      category: 'HJ', code: ['01', '00902', '000', '01'], location: PROJECTS, hours: HOURS, contactPhone: '0571-12345650', complaintPhone: COMPLAINT,
      conditions: '依法取得建设项目环境影响评价审批或备案手续；污染防治设施、污染物排放浓度和排放量符合标准和总量控制要求；自行监测方案符合规定。',
    },
    materials: [
      { name: '排污许可证申请表', original: 'original', medium: 'electronic' },
      { name: '自行监测方案', original: 'original', medium: 'electronic' },
      { name: '守法承诺书', original: 'original', medium: 'both' },
      { name: '环境影响评价审批文件或备案文件', original: 'copy', medium: 'electronic', condition: '新建、改建、扩建项目' },
    ],
    form: formSpec([
      ...enterprise('排污单位名称'),
      ...place('生产经营场所', 'Premises'),
      text('industry', '行业类别', 'Industry', true, { maxLength: 100 }),
      select('management', '管理类别', 'Management class', [['key', '重点管理', 'Key'], ['simple', '简化管理', 'Simplified']]),
      showIf(select('onlineMonitoring', '是否安装自动监测设备并联网', 'Online monitoring installed', yesNo), { field: 'management', equals: 'key' }),
      table('outlets', '排放口', 'Outlets', [
        text('outletNo', '排放口编号', 'Outlet no.', true, { maxLength: 20 }),
        select('kind', '类型', 'Kind', [['gas', '废气', 'Air'], ['water', '废水', 'Water']]),
        text('pollutants', '主要污染物', 'Main pollutants', true, { maxLength: 200 }),
      ], { min: 1, max: 100 }),
    ]),
  },
  {
    code: 'STHJ-BA-001', name: '建设项目环境影响登记表备案', dept: 'STHJ', type: 'immediate', process: immediate('STHJ').key,
    legalBasis: '《中华人民共和国环境影响评价法》第二十二条；《建设项目环境影响登记表备案管理办法》（环境保护部令第41号）',
    legalDays: 0, promisedDays: 0,
    description: '环境影响很小、依法填报环境影响登记表的建设项目，建设单位在建成并投入生产运营前备案，当场取得备案回执。',
    guide: {
      category: 'GC-HB', code: ['10', '00903', '000', '01'], location: PROJECTS, hours: HOURS, contactPhone: '0571-12345650', complaintPhone: COMPLAINT,
      conditions: '建设项目列入《建设项目环境影响评价分类管理名录》中应当填报环境影响登记表的类别。',
    },
    materials: [
      { name: '建设项目环境影响登记表', original: 'original', medium: 'electronic' },
      businessLicence('建设单位营业执照'),
      { name: '项目备案或核准文件', original: 'copy', medium: 'electronic', condition: '已办理投资项目备案或核准的' },
    ],
    form: formSpec([
      ...enterprise('建设单位名称'),
      text('projectName', '项目名称', 'Project', true, { maxLength: 100 }),
      ...place('建设地点', 'Site'),
      money('investment', '总投资（万元）', 'Total investment (10k yuan)', true, { minimum: 0.01 }),
      money('envInvestment', '其中环保投资（万元）', 'Of which environmental (10k yuan)', true, { minimum: 0 }),
      textarea('measures', '主要环境影响及防治措施', 'Impacts and measures', true, { maxLength: 1000 }),
    ]),
  },
];

// ---- what data.ts and seed.ts join -----------------------------------------

export const moreItems: DemoItem[] = list.map(({ guide: _g, form: _f, materials, ...item }) => ({
  ...item, fields: [], materials: materials.map((m) => ({ name: m.name, required: !m.condition })),
}));

export const moreGuides: Record<string, ItemGuide> = Object.fromEntries(list.map((i) => [i.code, {
  ...i.guide,
  materials: Object.fromEntries(i.materials.map(({ name, ...m }) => [name, m])),
}]));

export const moreForms: Record<string, FormSpec> = Object.fromEntries(list.map((i) => [i.code, i.form]));

/** The category tree's further branches (appended after the original ones). */
export const moreCategories: { code: string; name: string; parent: string | null }[] = [
  { code: 'QY-BG', name: '变更注销', parent: 'QY' },
  { code: 'QY-SW', name: '涉税服务', parent: 'QY' },
  { code: 'QY-YX', name: '药品医疗器械', parent: 'QY' },
  { code: 'QY-TZ', name: '特种设备', parent: 'QY' },
  { code: 'GR-ZJ', name: '证件办理', parent: 'GR' },
  { code: 'GR-SB', name: '社会保障', parent: 'GR' },
  { code: 'GC-GH', name: '规划用地', parent: 'GC' },
  { code: 'GC-FD', name: '房地产开发', parent: 'GC' },
  { code: 'GC-YS', name: '竣工验收', parent: 'GC' },
  { code: 'HJ', name: '生态环境', parent: null },
];

/** Approvers for the two departments that had none, so their items can be handled. */
export const moreUsers = [
  { username: 'approver_gaj', displayName: '陈审批（公安）', role: 'approver' as const, dept: 'GAJ' },
  { username: 'approver_swj', displayName: '杨审批（税务）', role: 'approver' as const, dept: 'SWJ' },
];

/** Every process the further items bind, once each. */
export const moreProcesses: { key: string; xml: string }[] = [
  ...new Map([
    ...['SCJG', 'SWJ', 'GAJ', 'STHJ'].map((d) => immediate(d)),
    ...['SCJG', 'GAJ', 'RSJ', 'ZJJ', 'ZRZY', 'FGJ', 'WJW', 'STHJ'].map((d) => reviewDecide(d)),
    enterpriseStartup, propertyTransfer, completionAcceptance, landConversion,
  ].map((p) => [p.key, p])).values(),
];
