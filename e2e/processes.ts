/**
 * BPMN files the scenarios import as an administrator would: start → one
 * user task of a department → end, with the diagram the designer draws.
 */
export function reviewProcess(p: { key: string; name: string; department: string; limitDays: number; taskElements?: string }): string {
  const body = p.taskElements ? `\n      <bpmn:extensionElements>\n${p.taskElements}\n      </bpmn:extensionElements>\n    ` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
  xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:tongban="http://tongban.org/schema/bpmn"
  id="defs_${p.key}" targetNamespace="http://tongban.org/processes">
  <bpmn:process id="${p.key}" name="${p.name}" isExecutable="true">
    <bpmn:startEvent id="start" name="开始"/>
    <bpmn:userTask id="review" name="审查" tongban:assigneeKind="department" tongban:assignee="${p.department}" tongban:limitDays="${p.limitDays}">${body}</bpmn:userTask>
    <bpmn:endEvent id="end" name="办结"/>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review"/>
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end"/>
  </bpmn:process>
  <bpmndi:BPMNDiagram id="d1">
    <bpmndi:BPMNPlane id="p1" bpmnElement="${p.key}">
      <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="152" y="102" width="36" height="36"/></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="review_di" bpmnElement="review"><dc:Bounds x="240" y="80" width="100" height="80"/></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="392" y="102" width="36" height="36"/></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="188" y="120"/><di:waypoint x="240" y="120"/></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="340" y="120"/><di:waypoint x="392" y="120"/></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}
