/**
 * The demo center's approval processes, as BPMN 2.0 with our tongban:
 * attributes (docs/bpmn-support.md). Each is deployed and published on first
 * start and bound to its items; admins change them in the designer.
 */

const header = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                  xmlns:tongban="http://tongban.org/schema/bpmn"
                  id="defs" targetNamespace="http://tongban.org/demo">`;

/** One department reviews and decides (审核决定): the usual 承诺件. */
export function singleReview(deptCode: string, deptName: string, limitDays: number): { key: string; xml: string } {
  const key = `review-${deptCode.toLowerCase()}`;
  const limit = limitDays > 0 ? ` tongban:limitDays="${limitDays}"` : '';
  return {
    key,
    xml: `${header}
  <bpmn:process id="${key}" name="${deptName}审核决定" isExecutable="true">
    <bpmn:startEvent id="start" name="受理"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="decide" name="审核决定" tongban:assigneeKind="department" tongban:assignee="${deptCode}"${limit}>
      <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:endEvent id="end" name="办结"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="decide"/>
    <bpmn:sequenceFlow id="f2" sourceRef="decide" targetRef="end"/>
  </bpmn:process>
</bpmn:definitions>
`,
  };
}

/**
 * 并联审批: the window accepts once; the lead department (发改) pre-reviews
 * and sends the case on (抄告); 住建, 自然资源 and 生态环境 review at the same
 * time (parallel split and join); the lead decides. A department may return
 * its review to the lead's pre-review, which cancels the other departments'
 * open reviews (退回 past the split) and sends the case round again.
 */
export const jointInvestment = {
  key: 'joint-industrial-project',
  xml: `${header}
  <bpmn:process id="joint-industrial-project" name="工业投资项目并联审批" isExecutable="true">
    <bpmn:startEvent id="start" name="一门受理"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="lead" name="牵头预审" tongban:assigneeKind="department" tongban:assignee="FGJ" tongban:limitDays="2"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f0</bpmn:outgoing></bpmn:userTask>
    <bpmn:parallelGateway id="split" name="抄告相关部门"><bpmn:incoming>f0</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing><bpmn:outgoing>f3</bpmn:outgoing><bpmn:outgoing>f4</bpmn:outgoing></bpmn:parallelGateway>
    <bpmn:userTask id="zjj" name="住建局审查" tongban:assigneeKind="department" tongban:assignee="ZJJ" tongban:limitDays="10"><bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f5</bpmn:outgoing></bpmn:userTask>
    <bpmn:userTask id="zrzy" name="自然资源局审查" tongban:assigneeKind="department" tongban:assignee="ZRZY" tongban:limitDays="10"><bpmn:incoming>f3</bpmn:incoming><bpmn:outgoing>f6</bpmn:outgoing></bpmn:userTask>
    <bpmn:userTask id="sthj" name="生态环境局审查" tongban:assigneeKind="department" tongban:assignee="STHJ" tongban:limitDays="10"><bpmn:incoming>f4</bpmn:incoming><bpmn:outgoing>f7</bpmn:outgoing></bpmn:userTask>
    <bpmn:parallelGateway id="join" name="汇总意见"><bpmn:incoming>f5</bpmn:incoming><bpmn:incoming>f6</bpmn:incoming><bpmn:incoming>f7</bpmn:incoming><bpmn:outgoing>f8</bpmn:outgoing></bpmn:parallelGateway>
    <bpmn:userTask id="decide" name="联审决定" tongban:assigneeKind="department" tongban:assignee="FGJ" tongban:limitDays="5"><bpmn:incoming>f8</bpmn:incoming><bpmn:outgoing>f9</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="end" name="集中回复"><bpmn:incoming>f9</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="lead"/>
    <bpmn:sequenceFlow id="f0" sourceRef="lead" targetRef="split"/>
    <bpmn:sequenceFlow id="f2" sourceRef="split" targetRef="zjj"/>
    <bpmn:sequenceFlow id="f3" sourceRef="split" targetRef="zrzy"/>
    <bpmn:sequenceFlow id="f4" sourceRef="split" targetRef="sthj"/>
    <bpmn:sequenceFlow id="f5" sourceRef="zjj" targetRef="join"/>
    <bpmn:sequenceFlow id="f6" sourceRef="zrzy" targetRef="join"/>
    <bpmn:sequenceFlow id="f7" sourceRef="sthj" targetRef="join"/>
    <bpmn:sequenceFlow id="f8" sourceRef="join" targetRef="decide"/>
    <bpmn:sequenceFlow id="f9" sourceRef="decide" targetRef="end"/>
  </bpmn:process>
</bpmn:definitions>
`,
};

/**
 * 会签: after the first review by 卫健委, 卫健委 and 生态环境局 (medical waste)
 * both sign (completion: all), then 卫健委 decides.
 */
export const medicalLicensing = {
  key: 'medical-institution-licensing',
  xml: `${header}
  <bpmn:process id="medical-institution-licensing" name="医疗机构执业登记（会签）" isExecutable="true">
    <bpmn:startEvent id="start" name="受理"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="first" name="初审" tongban:assigneeKind="department" tongban:assignee="WJW" tongban:limitDays="5"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>
    <bpmn:userTask id="countersign" name="部门会签" tongban:assigneeKind="department" tongban:assignee="WJW,STHJ" tongban:limitDays="5">
      <bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing>
      <bpmn:multiInstanceLoopCharacteristics tongban:completion="all"/>
    </bpmn:userTask>
    <bpmn:userTask id="decide" name="审批决定" tongban:assigneeKind="department" tongban:assignee="WJW" tongban:limitDays="5"><bpmn:incoming>f3</bpmn:incoming><bpmn:outgoing>f4</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="end" name="办结"><bpmn:incoming>f4</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="first"/>
    <bpmn:sequenceFlow id="f2" sourceRef="first" targetRef="countersign"/>
    <bpmn:sequenceFlow id="f3" sourceRef="countersign" targetRef="decide"/>
    <bpmn:sequenceFlow id="f4" sourceRef="decide" targetRef="end"/>
  </bpmn:process>
</bpmn:definitions>
`,
};
