// Demo application forms that use the richer field types (shared/forms): an
// enterprise form with a credit code and a show-if, a person form with ID card,
// region and dates, and a company form with a table of shareholders.
import { FORM_SCHEMA_DIALECT, type FieldSchema, type FormSpec } from '../../../../shared/forms/index.ts';

type Fields = [key: string, field: FieldSchema, required: boolean][];

function form(fields: Fields): FormSpec {
  return {
    schema: {
      $schema: FORM_SCHEMA_DIALECT, type: 'object', additionalProperties: false,
      properties: Object.fromEntries(fields.map(([k, f]) => [k, f])),
      required: fields.filter(([, , r]) => r).map(([k]) => k),
    },
    layout: fields.map(([field]) => ({ field })),
  };
}

const applicant: Fields = [
  ['applicantName', { type: 'string', 'x-widget': 'text', title: '申请人姓名/名称', 'x-titleEn': 'Applicant name', maxLength: 100 }, true],
  ['contactPhone', { type: 'string', 'x-widget': 'phone', title: '联系电话', 'x-titleEn': 'Contact phone', description: '手机号码或带区号的固定电话' }, true],
];

export const demoForms: Record<string, FormSpec> = {
  // 公共场所卫生许可: an enterprise, its credit code, and the pool area only for a swimming venue.
  'WJW-XK-001': form([
    ...applicant,
    ['creditCode', { type: 'string', 'x-widget': 'creditCode', title: '统一社会信用代码', 'x-titleEn': 'Unified social credit code', description: '营业执照上的 18 位代码' }, true],
    ['placeName', { type: 'string', 'x-widget': 'text', title: '场所名称', 'x-titleEn': 'Venue name' }, true],
    ['placeType', {
      type: 'string', 'x-widget': 'select', title: '场所类别', 'x-titleEn': 'Venue type',
      enum: ['hotel', 'bath', 'beauty', 'swimming', 'other'],
      'x-enumTitles': ['住宿场所', '沐浴场所', '美容美发场所', '游泳场所', '其他'],
      'x-enumTitlesEn': ['Lodging', 'Bathhouse', 'Beauty salon', 'Swimming pool', 'Other'],
    }, true],
    ['poolArea', {
      type: 'number', 'x-widget': 'number', title: '游泳池水面面积（平方米）', 'x-titleEn': 'Pool surface (m²)', minimum: 1, maximum: 100000,
      'x-showIf': { field: 'placeType', equals: 'swimming' },
    }, true],
    ['placeAddress', { type: 'string', 'x-widget': 'region', title: '场所所在地区', 'x-titleEn': 'Venue region' }, false],
    ['email', { type: 'string', 'x-widget': 'email', title: '电子邮箱', 'x-titleEn': 'Email' }, false],
  ]),
  // 户口迁入（投靠类）: a person with an ID card, where they move from, and when.
  'GAJ-HJ-001': form([
    ...applicant,
    ['idNumber', { type: 'string', 'x-widget': 'idCard', title: '身份证号码', 'x-titleEn': 'ID card number', description: '18 位居民身份证号码，末位可为 X' }, true],
    ['relation', {
      type: 'string', 'x-widget': 'select', title: '与投靠人关系', 'x-titleEn': 'Relation to the host',
      enum: ['spouse', 'child', 'parent'], 'x-enumTitles': ['夫妻', '子女', '父母'], 'x-enumTitlesEn': ['Spouse', 'Child', 'Parent'],
    }, true],
    ['fromRegion', { type: 'string', 'x-widget': 'region', title: '迁出地（省市县）', 'x-titleEn': 'Moving from (region)' }, true],
    ['moveDate', {
      type: 'string', 'x-widget': 'date', title: '拟迁入日期', 'x-titleEn': 'Planned moving date', format: 'date',
      'x-minDate': 'today', 'x-maxDate': 'today+180', description: '今天起 180 天内',
    }, false],
  ]),
  // 有限责任公司设立登记: the shareholders as a table.
  'SCJG-DJ-003': form([
    ...applicant,
    ['companyName', { type: 'string', 'x-widget': 'text', title: '拟设立公司名称', 'x-titleEn': 'Proposed company name', maxLength: 100 }, true],
    ['registeredCapital', { type: 'number', 'x-widget': 'money', title: '注册资本（万元）', 'x-titleEn': 'Registered capital (10k yuan)', minimum: 0.01 }, true],
    ['shareholders', {
      type: 'array', 'x-widget': 'table', title: '股东（发起人）', 'x-titleEn': 'Shareholders', minItems: 1, maxItems: 50,
      description: '每位自然人股东一行',
      items: {
        type: 'object', additionalProperties: false, 'x-columns': ['name', 'idNumber', 'contribution'], required: ['name', 'idNumber', 'contribution'],
        properties: {
          name: { type: 'string', 'x-widget': 'text', title: '股东姓名', 'x-titleEn': 'Name', maxLength: 50 },
          idNumber: { type: 'string', 'x-widget': 'idCard', title: '身份证号码', 'x-titleEn': 'ID card number' },
          contribution: { type: 'number', 'x-widget': 'money', title: '认缴出资（万元）', 'x-titleEn': 'Subscribed (10k yuan)', minimum: 0.01 },
        },
      },
    }, true],
  ]),
};
