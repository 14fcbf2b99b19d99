/**
 * The demo center's approval processes, as BPMN 2.0 with our tongban:
 * attributes (docs/bpmn-support.md), written with the demo builder
 * (workflow's bpmn-builder.ts). Each is deployed and published on first start and bound
 * to its items; admins change them in the designer. Process keys and node ids
 * are stable: cases, tests and the browser tests refer to them.
 */
import { bpmnProcess, countersign, parallel, task } from '../workflow/index.ts';

/** One department reviews and decides (审核决定): the usual 承诺件. */
export function singleReview(deptCode: string, deptName: string, limitDays: number): { key: string; xml: string } {
  return bpmnProcess({
    key: `review-${deptCode.toLowerCase()}`, name: `${deptName}审核决定`,
    steps: [task('decide', '审核决定', deptCode, limitDays > 0 ? limitDays : undefined)],
  });
}

/**
 * 并联审批: the window accepts once; the lead department (发改) pre-reviews
 * and sends the case on (抄告); 住建, 自然资源 and 生态环境 review at the same
 * time (parallel split and join); the lead decides. A department may return
 * its review to the lead's pre-review, which cancels the other departments'
 * open reviews (退回 past the split) and sends the case round again.
 */
export const jointInvestment = bpmnProcess({
  key: 'joint-industrial-project', name: '工业投资项目并联审批',
  startName: '一门受理', endName: '集中回复',
  steps: [
    task('lead', '牵头预审', 'FGJ', 2),
    parallel({ id: 'split', name: '抄告相关部门' }, { id: 'join', name: '汇总意见' },
      [task('zjj', '住建局审查', 'ZJJ', 10)],
      [task('zrzy', '自然资源局审查', 'ZRZY', 10)],
      [task('sthj', '生态环境局审查', 'STHJ', 10)]),
    task('decide', '联审决定', 'FGJ', 5),
  ],
});

/**
 * 会签: after the first review by 卫健委, 卫健委 and 生态环境局 (medical waste)
 * both sign (completion: all), then 卫健委 decides.
 */
export const medicalLicensing = bpmnProcess({
  key: 'medical-institution-licensing', name: '医疗机构执业登记（会签）',
  steps: [
    task('first', '初审', 'WJW', 5),
    countersign('countersign', '部门会签', ['WJW', 'STHJ'], 5),
    task('decide', '审批决定', 'WJW', 5),
  ],
});
