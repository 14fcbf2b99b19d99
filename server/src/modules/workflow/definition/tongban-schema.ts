/**
 * The moddle descriptor of our BPMN extension (namespace tongban). bpmn-moddle
 * reads these attributes onto the elements they extend; the designer
 * (bpmn-js) registers the same descriptor so its properties panel writes them.
 * Every value is read as a string and checked by build-model.ts, so a typo
 * becomes a finding naming the element instead of a silent NaN.
 */

export const TONGBAN_URI = 'http://tongban.org/schema/bpmn';
export const TONGBAN_PREFIX = 'tongban';

const attribute = (name: string) => ({ name, isAttr: true, type: 'String' });

export const tongbanModdleDescriptor = {
  name: 'Tongban',
  uri: TONGBAN_URI,
  prefix: TONGBAN_PREFIX,
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
