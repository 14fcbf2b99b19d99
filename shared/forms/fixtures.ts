import { FORM_SCHEMA_DIALECT, type FormSpec } from './spec.ts';

/** A form using every widget, a show-if and a table: the tests' and the demo's reference. */
export function everyWidgetSpec(): FormSpec {
  return {
    schema: {
      $schema: FORM_SCHEMA_DIALECT,
      type: 'object',
      additionalProperties: false,
      required: ['name', 'idCard', 'phone', 'applicantType', 'creditCode', 'members'],
      properties: {
        name: { type: 'string', 'x-widget': 'text', title: '姓名', 'x-titleEn': 'Name', minLength: 2, maxLength: 20 },
        idCard: { type: 'string', 'x-widget': 'idCard', title: '身份证号码' },
        phone: { type: 'string', 'x-widget': 'phone', title: '联系电话' },
        email: { type: 'string', 'x-widget': 'email', title: '电子邮箱' },
        note: { type: 'string', 'x-widget': 'textarea', title: '说明' },
        postcode: { type: 'string', 'x-widget': 'text', title: '邮政编码', pattern: '^\\d{6}$', 'x-placeholder': '100000' },
        count: { type: 'integer', 'x-widget': 'number', title: '人数', minimum: 1, maximum: 50 },
        capital: { type: 'number', 'x-widget': 'money', title: '注册资本（元）' },
        startDate: { type: 'string', 'x-widget': 'date', title: '开始日期', format: 'date', 'x-minDate': 'today', 'x-maxDate': 'today+90' },
        region: { type: 'string', 'x-widget': 'region', title: '所在地区' },
        applicantType: {
          type: 'string', 'x-widget': 'select', title: '申请人类型',
          enum: ['person', 'company'], 'x-enumTitles': ['个人', '企业'], 'x-enumTitlesEn': ['Person', 'Company'],
        },
        creditCode: {
          type: 'string', 'x-widget': 'creditCode', title: '统一社会信用代码',
          'x-showIf': { field: 'applicantType', equals: 'company' },
        },
        licence: { type: 'string', 'x-widget': 'attachment', title: '营业执照', format: 'uuid' },
        members: {
          type: 'array', 'x-widget': 'table', title: '成员', minItems: 1, maxItems: 3,
          items: {
            type: 'object', additionalProperties: false, 'x-columns': ['memberName', 'memberId', 'share'], required: ['memberName', 'memberId'],
            properties: {
              memberName: { type: 'string', 'x-widget': 'text', title: '成员姓名' },
              memberId: { type: 'string', 'x-widget': 'idCard', title: '成员身份证号' },
              share: { type: 'number', 'x-widget': 'money', title: '出资额', maximum: 1000000 },
            },
          },
        },
      },
    },
    layout: [
      { section: '申请人', sectionEn: 'Applicant' },
      { field: 'name' }, { field: 'idCard' }, { field: 'phone' }, { field: 'email' }, { field: 'note' }, { field: 'postcode' },
      { field: 'count' }, { field: 'capital' }, { field: 'startDate' }, { field: 'region' }, { field: 'applicantType' },
      { field: 'creditCode' }, { field: 'licence' }, { field: 'members' },
    ],
  };
}
