/**
 * Demo data for a county service center: real department names, realistic
 * items with legal bases, legal and promised limits (working days) and
 * required materials. Loaded on first start unless TONGBAN_NO_DEMO is set.
 */
import { moreCategories, moreGuides, moreItems, moreUsers } from './more-items.ts';

export const DEMO_PASSWORD = 'Tongban@2026';

export const center = { code: 'SFX', name: '示范县政务服务中心', phone: '0571-12345678', address: '示范县人民路 88 号' };

export const departments = [
  { code: 'SCJG', name: '市场监督管理局' },
  { code: 'SWJ', name: '税务局' },
  { code: 'GAJ', name: '公安局' },
  { code: 'RSJ', name: '人力资源和社会保障局' },
  { code: 'ZJJ', name: '住房和城乡建设局' },
  { code: 'ZRZY', name: '自然资源局' },
  { code: 'FGJ', name: '发展和改革局' },
  { code: 'WJW', name: '卫生健康委员会' },
  { code: 'STHJ', name: '生态环境局' },
] as const;

export const windows = [
  { code: 'W01', name: '1 号综合受理窗口', dept: null, phone: '0571-12345601', hall: '一楼大厅 A 区' },
  { code: 'W02', name: '2 号综合受理窗口', dept: null, phone: '0571-12345602', hall: '一楼大厅 A 区' },
  { code: 'W05', name: '5 号市场监管窗口', dept: 'SCJG', phone: '0571-12345605', hall: '一楼大厅 B 区' },
  { code: 'W08', name: '8 号不动产登记窗口', dept: 'ZRZY', phone: '0571-12345608', hall: '二楼 C 区' },
] as const;

type Role = 'applicant' | 'clerk' | 'approver' | 'manager' | 'supervisor' | 'admin' | 'agency_head' | 'government_head' | 'supervision_leader' | 'audit_admin' | 'security_admin';

/**
 * Demo mobile numbers and mailboxes, so notifications reach someone: the
 * citizen has the textbook 13800138000, staff 139 0571 00NN in list order.
 */
export function demoContact(username: string, index: number): { phone: string; email: string } {
  return {
    phone: username === 'citizen' ? '13800138000' : `1390571${String(index).padStart(4, '0')}`,
    email: `${username}@demo.tongban.local`,
  };
}

export const users: { username: string; displayName: string; role: Role; dept?: string; window?: string }[] = [
  { username: 'citizen', displayName: '张三', role: 'applicant' },
  { username: 'clerk', displayName: '李窗口', role: 'clerk', window: 'W01' },
  { username: 'approver', displayName: '王审批（市场监管）', role: 'approver', dept: 'SCJG' },
  { username: 'approver_wjw', displayName: '赵审批（卫健）', role: 'approver', dept: 'WJW' },
  { username: 'approver_zjj', displayName: '钱审批（住建）', role: 'approver', dept: 'ZJJ' },
  { username: 'approver_rsj', displayName: '孙审批（人社）', role: 'approver', dept: 'RSJ' },
  { username: 'approver_zrzy', displayName: '李审批（自然资源）', role: 'approver', dept: 'ZRZY' },
  { username: 'approver_sthj', displayName: '周审批（生态环境）', role: 'approver', dept: 'STHJ' },
  { username: 'approver_fgj', displayName: '吴审批（发改）', role: 'approver', dept: 'FGJ' },
  ...moreUsers,
  { username: 'head_scjg', displayName: '郑局长（市场监管）', role: 'agency_head', dept: 'SCJG' },
  { username: 'gov_head', displayName: '冯副县长', role: 'government_head' },
  { username: 'manager', displayName: '周主任', role: 'manager' },
  { username: 'supervisor', displayName: '吴监察', role: 'supervisor' },
  // A second supervisor: the 复核 of an appealed card is another supervisor's.
  { username: 'supervisor2', displayName: '陈监察', role: 'supervisor' },
  { username: 'sv_leader', displayName: '冯监察长', role: 'supervision_leader' },
  { username: 'admin', displayName: '系统管理员', role: 'admin' },
  // 三员分立: the audit log is read by its own administrator, never by the system administrator.
  { username: 'auditor', displayName: '审计管理员', role: 'audit_admin' },
  // …and who may do what (roles and their bindings) by the security administrator.
  { username: 'secadmin', displayName: '安全管理员', role: 'security_admin' },
];

type Field = { key: string; label: string; type: 'text' | 'textarea' | 'number' | 'date' | 'phone'; required: boolean };
const applicantFields: Field[] = [
  { key: 'applicantName', label: '申请人姓名/名称', type: 'text', required: true },
  { key: 'contactPhone', label: '联系电话', type: 'phone', required: true },
];

export interface DemoItem {
  code: string;
  name: string;
  dept: string;
  type: 'immediate' | 'promised' | 'joint' | 'reported';
  legalBasis: string;
  legalDays: number;
  promisedDays: number;
  /** Default workday; the unit both limits are counted in. */
  unit?: 'workday' | 'day' | 'hour';
  fee?: string;
  /** Process key bound to the item; default: the department's single review (review-<dept>). */
  process?: string;
  description: string;
  fields: Field[];
  materials: { name: string; required: boolean; form?: string }[];
}

export const items: DemoItem[] = [
  {
    code: 'SCJG-XK-001', name: '食品经营许可（新办）', dept: 'SCJG', type: 'promised',
    legalBasis: '《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》',
    legalDays: 10, promisedDays: 5, description: '在本县从事食品销售、餐饮服务的经营者申请食品经营许可证。',
    fields: [...applicantFields,
      { key: 'businessAddress', label: '经营场所地址', type: 'text', required: true },
      { key: 'businessScope', label: '经营项目', type: 'textarea', required: true },
      { key: 'area', label: '经营场所面积（平方米）', type: 'number', required: false }],
    materials: [
      { name: '食品经营许可申请书', required: true },
      { name: '营业执照复印件', required: true },
      { name: '与食品经营相适应的主要设备设施布局、操作流程等文件', required: true },
      { name: '食品安全管理制度文本', required: false },
    ],
  },
  {
    code: 'SCJG-DJ-002', name: '个体工商户设立登记', dept: 'SCJG', type: 'immediate',
    legalBasis: '《促进个体工商户发展条例》；《中华人民共和国市场主体登记管理条例》第十九条',
    legalDays: 3, promisedDays: 0, description: '有经营能力的公民申请个体工商户设立登记，材料齐全、符合法定形式的当场办结。',
    fields: [...applicantFields,
      { key: 'shopName', label: '个体工商户名称', type: 'text', required: false },
      { key: 'businessScope', label: '经营范围', type: 'textarea', required: true }],
    materials: [
      { name: '个体工商户登记（备案）申请书', required: true },
      { name: '经营者身份证明', required: true },
      { name: '经营场所使用证明', required: true },
    ],
  },
  {
    code: 'SCJG-DJ-003', name: '有限责任公司设立登记', dept: 'SCJG', type: 'promised',
    legalBasis: '《中华人民共和国公司法》；《中华人民共和国市场主体登记管理条例》',
    legalDays: 3, promisedDays: 1, description: '申请设立有限责任公司，领取营业执照。',
    fields: [...applicantFields,
      { key: 'companyName', label: '拟设立公司名称', type: 'text', required: true },
      { key: 'registeredCapital', label: '注册资本（万元）', type: 'number', required: true }],
    materials: [
      { name: '公司登记（备案）申请书', required: true },
      { name: '公司章程', required: true },
      { name: '股东主体资格证明', required: true },
      { name: '法定代表人、董事、监事和经理的任职文件', required: true },
    ],
  },
  {
    code: 'SWJ-DJ-001', name: '税务登记（首次办税综合事项）', dept: 'SWJ', type: 'immediate',
    legalBasis: '《中华人民共和国税收征收管理法》第十五条', legalDays: 30, promisedDays: 0,
    description: '新设立纳税人首次办理涉税事项，信息确认、票种核定一并办理。',
    fields: [...applicantFields, { key: 'creditCode', label: '统一社会信用代码', type: 'text', required: true }],
    materials: [{ name: '营业执照复印件', required: true }, { name: '经办人身份证件', required: true }],
  },
  {
    code: 'GAJ-HJ-001', name: '户口迁入（投靠类）', dept: 'GAJ', type: 'promised',
    legalBasis: '《中华人民共和国户口登记条例》第十三条', legalDays: 20, promisedDays: 10, unit: 'day',
    description: '夫妻、子女、父母投靠等情形申请户口迁入本县。',
    fields: [...applicantFields,
      { key: 'idNumber', label: '身份证号码', type: 'text', required: true },
      { key: 'relation', label: '与投靠人关系', type: 'text', required: true }],
    materials: [{ name: '户口迁入申请表', required: true }, { name: '居民户口簿', required: true }, { name: '亲属关系证明', required: true }],
  },
  {
    code: 'RSJ-SB-001', name: '就业创业证申领', dept: 'RSJ', type: 'promised',
    legalBasis: '《就业服务与就业管理规定》第六十三条', legalDays: 10, promisedDays: 3,
    description: '劳动者申领《就业创业证》，用于享受就业创业扶持政策。',
    fields: [...applicantFields, { key: 'idNumber', label: '身份证号码', type: 'text', required: true }],
    materials: [{ name: '居民身份证', required: true }, { name: '近期免冠照片', required: true }],
  },
  {
    code: 'ZJJ-XK-001', name: '建筑工程施工许可证核发', dept: 'ZJJ', type: 'promised',
    legalBasis: '《中华人民共和国建筑法》第八条；《建筑工程施工许可管理办法》', legalDays: 15, promisedDays: 7,
    description: '在本县行政区域内从事建筑工程施工，建设单位在开工前申请领取施工许可证。',
    fields: [...applicantFields,
      { key: 'projectName', label: '工程名称', type: 'text', required: true },
      { key: 'projectAddress', label: '建设地址', type: 'text', required: true },
      { key: 'contractPrice', label: '合同价格（万元）', type: 'number', required: true },
      { key: 'plannedStart', label: '计划开工日期', type: 'date', required: true }],
    materials: [
      { name: '建筑工程施工许可证申请表', required: true },
      { name: '建设工程规划许可证', required: true },
      { name: '施工合同', required: true },
      { name: '施工图设计文件审查合格书', required: true },
    ],
  },
  {
    code: 'ZRZY-DJ-001', name: '不动产首次登记', dept: 'ZRZY', type: 'promised',
    legalBasis: '《不动产登记暂行条例》第二十条', legalDays: 30, promisedDays: 5,
    description: '依法取得不动产权利的首次登记。',
    fields: [...applicantFields, { key: 'propertyAddress', label: '不动产坐落', type: 'text', required: true }],
    materials: [{ name: '不动产登记申请书', required: true }, { name: '申请人身份证明', required: true }, { name: '不动产权属来源证明材料', required: true }],
  },
  {
    code: 'FGJ-BA-001', name: '企业投资项目备案', dept: 'FGJ', type: 'promised',
    legalBasis: '《企业投资项目核准和备案管理条例》第十三条', legalDays: 5, promisedDays: 2,
    description: '实行备案管理的企业投资项目，在开工建设前通过在线平台备案。',
    fields: [...applicantFields,
      { key: 'projectName', label: '项目名称', type: 'text', required: true },
      { key: 'totalInvestment', label: '总投资（万元）', type: 'number', required: true }],
    materials: [{ name: '项目备案信息表', required: true }, { name: '企业营业执照', required: true }],
  },
  {
    code: 'WJW-XK-001', name: '公共场所卫生许可', dept: 'WJW', type: 'promised',
    legalBasis: '《公共场所卫生管理条例》第八条；《公共场所卫生管理条例实施细则》', legalDays: 20, promisedDays: 10,
    description: '宾馆、美容美发、游泳场所等公共场所经营者申请卫生许可证。',
    fields: [...applicantFields,
      { key: 'placeName', label: '场所名称', type: 'text', required: true },
      { key: 'placeType', label: '场所类别', type: 'text', required: true }],
    materials: [{ name: '卫生许可证申请表', required: true }, { name: '营业执照复印件', required: true }, { name: '卫生检测或评价报告', required: true }],
  },
  {
    code: 'WJW-XK-002', name: '医疗机构执业登记', dept: 'WJW', type: 'promised',
    legalBasis: '《医疗机构管理条例》第十五条', legalDays: 45, promisedDays: 20, process: 'medical-institution-licensing',
    description: '医疗机构执业前向卫生健康行政部门申请执业登记，领取《医疗机构执业许可证》。',
    fields: [...applicantFields, { key: 'institutionName', label: '医疗机构名称', type: 'text', required: true }],
    materials: [{ name: '医疗机构申请执业登记注册书', required: true }, { name: '医疗机构用房产权证明或使用证明', required: true }, { name: '医疗机构规章制度', required: true }],
  },
  {
    code: 'FGJ-LB-001', name: '工业投资项目并联审批（开工前）', dept: 'FGJ', type: 'joint',
    legalBasis: '《中华人民共和国行政许可法》第二十六条；《企业投资项目核准和备案管理条例》', legalDays: 45, promisedDays: 30,
    process: 'joint-industrial-project',
    description: '发改局一门受理，住建、自然资源、生态环境部门同步审查，限时办结、集中回复（并联审批）。',
    fields: [...applicantFields,
      { key: 'projectName', label: '项目名称', type: 'text', required: true },
      { key: 'projectAddress', label: '建设地点', type: 'text', required: true },
      { key: 'totalInvestment', label: '总投资（万元）', type: 'number', required: true }],
    materials: [
      { name: '并联审批申请表', required: true },
      { name: '项目备案证明', required: true },
      { name: '建设工程规划许可证', required: true },
      { name: '环境影响评价文件', required: true },
    ],
  },
  {
    code: 'STHJ-SP-001', name: '建设项目环境影响报告表审批', dept: 'STHJ', type: 'promised',
    legalBasis: '《中华人民共和国环境影响评价法》第二十二条', legalDays: 30, promisedDays: 15,
    description: '编制环境影响报告表的建设项目，建设单位报批环境影响报告表。',
    fields: [...applicantFields, { key: 'projectName', label: '建设项目名称', type: 'text', required: true }],
    materials: [{ name: '建设项目环境影响报告表', required: true }, { name: '报批申请文件', required: true }],
  },
  ...moreItems,
];

/** The category tree of the catalogue (项目分类): code, name, parent code. */
export const itemCategories: { code: string; name: string; parent: string | null }[] = [
  { code: 'QY', name: '企业服务', parent: null },
  { code: 'QY-KB', name: '企业开办', parent: 'QY' },
  { code: 'QY-JY', name: '经营许可', parent: 'QY' },
  { code: 'GR', name: '个人服务', parent: null },
  { code: 'GR-HJ', name: '户籍管理', parent: 'GR' },
  { code: 'GR-JY', name: '就业创业', parent: 'GR' },
  { code: 'GC', name: '工程建设', parent: null },
  { code: 'GC-LX', name: '项目立项', parent: 'GC' },
  { code: 'GC-SG', name: '施工许可', parent: 'GC' },
  { code: 'GC-HB', name: '环境保护', parent: 'GC' },
  { code: 'BDC', name: '不动产登记', parent: null },
  { code: 'YL', name: '医疗卫生', parent: null },
  ...moreCategories,
];

/** The implementing departments' unified social credit codes (fictional, with valid check characters). */
const implementer: Record<string, string> = {
  SCJG: '11330122002471030L', SWJ: '11330122002471037A', GAJ: '113301220024710442', RSJ: '11330122002471051R',
  ZJJ: '11330122002471058F', ZRZY: '113301220024710657', FGJ: '11330122002471072Y', WJW: '11330122002471079L', STHJ: '11330122002471086C',
};

export interface MaterialGuide {
  original?: 'original' | 'copy' | 'both';
  copies?: number;
  medium?: 'paper' | 'electronic' | 'both';
  /** Makes the material conditional: needed only in this case. */
  condition?: string;
  elicence?: string;
  deferrable?: boolean;
}

/** The standard elements of each demo item's service guide (办事指南), by item code. */
export interface ItemGuide {
  category: string;
  conditions: string;
  location: string;
  hours: string;
  contactPhone: string;
  complaintPhone: string;
  /** Empty: free of charge. */
  fees?: { name: string; amount: number; basis: string }[];
  allowsDeficientAcceptance?: boolean;
  /** 事项类型代码, 主项编码, 子项编码, 业务办理项顺序码; the implementer is the department. */
  code: [string, string, string, string];
  materials?: Record<string, MaterialGuide>;
}

const HOURS = '工作日 上午 9:00—12:00，下午 13:30—17:00（法定节假日除外）';
const COMPLAINT = '12345';
const at = (window: string) => `示范县政务服务中心（人民路 88 号）${window}`;

export const itemGuides: Record<string, ItemGuide> = {
  'SCJG-XK-001': {
    category: 'QY-JY', code: ['01', '00101', '000', '01'], allowsDeficientAcceptance: true,
    conditions: '1. 申请人已取得营业执照等合法主体资格；2. 具有与经营的食品品种、数量相适应的经营场所，并与有毒、有害场所保持规定距离；3. 具有相应的设备设施、专职或兼职食品安全管理人员和保证食品安全的规章制度。',
    location: at('5 号市场监管窗口'), hours: HOURS, contactPhone: '0571-12345605', complaintPhone: COMPLAINT,
    materials: {
      '食品经营许可申请书': { original: 'original', medium: 'both' },
      '营业执照复印件': { original: 'copy', medium: 'electronic', elicence: '营业执照' },
      '与食品经营相适应的主要设备设施布局、操作流程等文件': { original: 'original', medium: 'both' },
      '食品安全管理制度文本': { original: 'original', medium: 'electronic', condition: '从事餐饮服务或经营高风险食品的', deferrable: true },
    },
  },
  'SCJG-DJ-002': {
    category: 'QY-KB', code: ['01', '00102', '000', '01'],
    conditions: '有经营能力的公民，经营范围不属于法律、行政法规禁止的项目。',
    location: at('1 号、2 号综合受理窗口'), hours: HOURS, contactPhone: '0571-12345605', complaintPhone: COMPLAINT,
    materials: {
      '经营者身份证明': { original: 'original', medium: 'electronic', elicence: '居民身份证' },
      '经营场所使用证明': { original: 'copy', medium: 'both' },
    },
  },
  'SCJG-DJ-003': {
    category: 'QY-KB', code: ['01', '00103', '000', '01'],
    conditions: '股东符合法定人数，有符合公司章程规定的出资，有公司名称和住所，建立符合要求的组织机构。',
    location: at('1 号、2 号综合受理窗口'), hours: HOURS, contactPhone: '0571-12345605', complaintPhone: COMPLAINT,
    materials: {
      '公司章程': { original: 'original', medium: 'both' },
      '股东主体资格证明': { original: 'copy', medium: 'electronic', elicence: '营业执照' },
    },
  },
  'SWJ-DJ-001': {
    category: 'QY-KB', code: ['20', '00201', '000', '01'],
    conditions: '已领取营业执照的新设立纳税人。',
    location: at('1 号、2 号综合受理窗口'), hours: HOURS, contactPhone: '12366', complaintPhone: COMPLAINT,
    materials: {
      '营业执照复印件': { original: 'copy', medium: 'electronic', elicence: '营业执照' },
      '经办人身份证件': { original: 'original', medium: 'electronic', elicence: '居民身份证' },
    },
  },
  'GAJ-HJ-001': {
    category: 'GR-HJ', code: ['07', '00301', '001', '01'],
    conditions: '夫妻一方、未成年子女或年满六十周岁的父母投靠本县常住户口亲属，且投靠人有合法稳定住所。',
    location: at('1 号、2 号综合受理窗口'), hours: HOURS, contactPhone: '0571-12345110', complaintPhone: COMPLAINT,
    materials: {
      '居民户口簿': { original: 'original', medium: 'paper', elicence: '居民户口簿' },
      '亲属关系证明': { original: 'both', copies: 1, medium: 'paper', condition: '户口簿不能证明亲属关系的，提供结婚证或出生医学证明' },
    },
  },
  'RSJ-SB-001': {
    category: 'GR-JY', code: ['20', '00401', '000', '01'],
    conditions: '法定劳动年龄内、有劳动能力和就业要求的本县户籍人员或常住人员。',
    location: at('1 号、2 号综合受理窗口'), hours: HOURS, contactPhone: '12333', complaintPhone: COMPLAINT,
    materials: {
      '居民身份证': { original: 'original', medium: 'electronic', elicence: '居民身份证' },
      '近期免冠照片': { original: 'original', copies: 2, medium: 'both' },
    },
  },
  'ZJJ-XK-001': {
    category: 'GC-SG', code: ['01', '00501', '000', '01'], allowsDeficientAcceptance: true,
    conditions: '1. 已办理用地批准手续；2. 已取得建设工程规划许可证；3. 施工场地已基本具备施工条件；4. 已确定施工企业；5. 有满足施工需要的施工图纸及技术资料；6. 有保证工程质量和安全的具体措施。',
    location: at('工程建设项目审批专区'), hours: HOURS, contactPhone: '0571-12345620', complaintPhone: COMPLAINT,
    materials: {
      '建设工程规划许可证': { original: 'copy', medium: 'electronic', elicence: '建设工程规划许可证' },
      '施工合同': { original: 'copy', medium: 'both' },
      '施工图设计文件审查合格书': { original: 'original', medium: 'electronic', deferrable: true },
    },
  },
  'ZRZY-DJ-001': {
    category: 'BDC', code: ['07', '00601', '001', '01'],
    conditions: '依法取得房屋等建筑物、构筑物所有权或土地使用权，且尚未办理首次登记。',
    location: at('8 号不动产登记窗口'), hours: HOURS, contactPhone: '0571-12345608', complaintPhone: COMPLAINT,
    fees: [{ name: '不动产登记费（住宅类）', amount: 80, basis: '《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）' }],
    materials: {
      '申请人身份证明': { original: 'original', medium: 'electronic', elicence: '居民身份证' },
      '不动产权属来源证明材料': { original: 'original', medium: 'paper' },
    },
  },
  'FGJ-BA-001': {
    category: 'GC-LX', code: ['10', '00701', '000', '01'],
    conditions: '不涉及国家安全、不属于《政府核准的投资项目目录》范围的企业投资项目。',
    location: at('工程建设项目审批专区'), hours: HOURS, contactPhone: '0571-12345630', complaintPhone: COMPLAINT,
    materials: { '企业营业执照': { original: 'copy', medium: 'electronic', elicence: '营业执照' } },
  },
  'WJW-XK-001': {
    category: 'QY-JY', code: ['01', '00801', '000', '01'],
    conditions: '场所布局、卫生设施和从业人员健康合格证明符合《公共场所卫生管理条例》及卫生标准。',
    location: at('1 号、2 号综合受理窗口'), hours: HOURS, contactPhone: '0571-12345640', complaintPhone: COMPLAINT,
    materials: {
      '营业执照复印件': { original: 'copy', medium: 'electronic', elicence: '营业执照' },
      '卫生检测或评价报告': { original: 'original', medium: 'both' },
    },
  },
  'WJW-XK-002': {
    category: 'YL', code: ['01', '00802', '000', '01'],
    conditions: '已取得设置医疗机构批准书（按规定免于设置审批的除外），并符合医疗机构基本标准。',
    location: at('1 号、2 号综合受理窗口'), hours: HOURS, contactPhone: '0571-12345640', complaintPhone: COMPLAINT,
    materials: { '医疗机构用房产权证明或使用证明': { original: 'copy', medium: 'both', elicence: '不动产权证书' } },
  },
  'FGJ-LB-001': {
    category: 'GC-LX', code: ['10', '00702', '000', '01'],
    conditions: '已完成项目备案或核准，取得建设用地规划手续。',
    location: at('工程建设项目审批专区'), hours: HOURS, contactPhone: '0571-12345630', complaintPhone: COMPLAINT,
    materials: { '环境影响评价文件': { original: 'original', medium: 'both', condition: '依法需要编制环境影响报告书（表）的项目' } },
  },
  'STHJ-SP-001': {
    category: 'GC-HB', code: ['01', '00901', '000', '01'],
    conditions: '建设项目列入《建设项目环境影响评价分类管理名录》中应编制环境影响报告表的类别。',
    location: at('工程建设项目审批专区'), hours: HOURS, contactPhone: '0571-12345650', complaintPhone: COMPLAINT,
    materials: { '建设项目环境影响报告表': { original: 'original', copies: 2, medium: 'both' } },
  },
  ...moreGuides,
};

/** The implementing body's credit code of a department (GB/T 39554.1 实施主体编码). */
export const implementerCode = (dept: string): string | null => implementer[dept] ?? null;
