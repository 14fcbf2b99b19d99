// A copy of tongbanModdleDescriptor from
// server/src/modules/workflow/definition/tongban-schema.ts, registered with
// bpmn-js so the designer reads and writes our tongban: attributes. The web
// bundle does not import server code; server/src/modules/workflow/routes.test.ts
// checks that the two stay equal.

const attribute = (name: string) => ({ name, isAttr: true, type: 'String' });

export const TONGBAN_URI = 'http://tongban.org/schema/bpmn';

export const designerModdleDescriptor = {
  name: 'Tongban',
  uri: TONGBAN_URI,
  prefix: 'tongban',
  xml: { tagAlias: 'lowerCase' },
  associations: [],
  types: [
    {
      name: 'UserTaskRules',
      extends: ['bpmn:UserTask'],
      properties: [
        attribute('assigneeKind'),
        attribute('assignee'),
        attribute('limitDays'),
        attribute('timeoutAction'),
        attribute('escalateTo'),
        attribute('stage'),
      ],
    },
    {
      name: 'ServiceTaskRules',
      extends: ['bpmn:ServiceTask'],
      properties: [attribute('handler')],
    },
    {
      name: 'CompletionRules',
      extends: ['bpmn:MultiInstanceLoopCharacteristics'],
      properties: [attribute('completion'), attribute('ratio')],
    },
    {
      // <tongban:formField key="amount" access="readonly"/> inside a user task's extensionElements.
      name: 'FormField',
      superClass: ['Element'],
      properties: [attribute('key'), attribute('access')],
    },
  ],
};
