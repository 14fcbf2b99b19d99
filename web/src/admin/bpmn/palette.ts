// The palette and the change-type menu offer only what the engine executes
// (docs/bpmn-support.md): events, user / service / receive tasks, the three
// gateways, sub-process, call activity, timer and message catch events.
// Boundary events come from the change-type menu of an intermediate event
// dropped on a task's border. The context pad (the small menu beside a
// selected shape) appends only executable elements too.

/* eslint-disable @typescript-eslint/no-explicit-any -- bpmn-js services are untyped JavaScript */

type Entries = Record<string, any>;

class TongbanPalette {
  static $inject = ['palette', 'create', 'elementFactory', 'translate'];
  private readonly create: any;
  private readonly elementFactory: any;
  private readonly translate: (s: string) => string;

  constructor(palette: any, create: any, elementFactory: any, translate: (s: string) => string) {
    this.create = create;
    this.elementFactory = elementFactory;
    this.translate = translate;
    palette.registerProvider(500, this);
  }

  getPaletteEntries() {
    const { create, elementFactory, translate } = this;
    const shape = (type: string, group: string, className: string, title: string, options: Record<string, unknown> = {}) => {
      const start = (event: Event) => create.start(event, elementFactory.createShape({ type, ...options }));
      return { group, className, title: translate(title), action: { dragstart: start, click: start } };
    };
    const subProcess = (event: Event) => {
      const sp = elementFactory.createShape({ type: 'bpmn:SubProcess', x: 0, y: 0, isExpanded: true });
      const st = elementFactory.createShape({ type: 'bpmn:StartEvent', x: 40, y: 82, parent: sp });
      create.start(event, [sp, st], { hints: { autoSelect: [sp] } });
    };
    const ours: Entries = {
      'create.start-event': shape('bpmn:StartEvent', 'event', 'bpmn-icon-start-event-none', 'Create start event'),
      'create.end-event': shape('bpmn:EndEvent', 'event', 'bpmn-icon-end-event-none', 'Create end event'),
      'create.terminate-end-event': shape('bpmn:EndEvent', 'event', 'bpmn-icon-end-event-terminate', 'Create terminate end event', {
        eventDefinitionType: 'bpmn:TerminateEventDefinition',
      }),
      'create.timer-catch': shape('bpmn:IntermediateCatchEvent', 'event', 'bpmn-icon-intermediate-event-catch-timer', 'Create timer intermediate catch event', {
        eventDefinitionType: 'bpmn:TimerEventDefinition',
      }),
      'create.message-catch': shape('bpmn:IntermediateCatchEvent', 'event', 'bpmn-icon-intermediate-event-catch-message', 'Create message intermediate catch event', {
        eventDefinitionType: 'bpmn:MessageEventDefinition',
      }),
      'create.exclusive-gateway': shape('bpmn:ExclusiveGateway', 'gateway', 'bpmn-icon-gateway-xor', 'Create exclusive gateway'),
      'create.parallel-gateway': shape('bpmn:ParallelGateway', 'gateway', 'bpmn-icon-gateway-parallel', 'Create parallel gateway'),
      'create.inclusive-gateway': shape('bpmn:InclusiveGateway', 'gateway', 'bpmn-icon-gateway-or', 'Create inclusive gateway'),
      'create.user-task': shape('bpmn:UserTask', 'activity', 'bpmn-icon-user-task', 'Create user task'),
      'create.service-task': shape('bpmn:ServiceTask', 'activity', 'bpmn-icon-service-task', 'Create service task'),
      'create.receive-task': shape('bpmn:ReceiveTask', 'activity', 'bpmn-icon-receive-task', 'Create receive task'),
      'create.call-activity': shape('bpmn:CallActivity', 'activity', 'bpmn-icon-call-activity', 'Create call activity'),
      'create.subprocess-expanded': {
        group: 'activity', className: 'bpmn-icon-subprocess-expanded', title: translate('Create expanded sub-process'),
        action: { dragstart: subProcess, click: subProcess },
      },
    };
    // Keep bpmn-js's tools (hand, lasso, space, connect); replace every element entry with ours.
    return (entries: Entries): Entries => {
      const tools: Entries = {};
      for (const [id, entry] of Object.entries(entries)) if (entry.group === 'tools') tools[id] = entry;
      return { ...tools, ...ours };
    };
  }
}

/** Change-type targets that execute (suffixes of bpmn-js's `replace-with-…` entry ids). */
const REPLACE_ALLOWED = new Set([
  'user-task', 'service-task', 'receive-task', 'call-activity', 'subprocess', 'expanded-subprocess', 'collapsed-subprocess',
  'exclusive-gateway', 'parallel-gateway', 'inclusive-gateway',
  'none-start', 'message-start', 'none-end', 'terminate-end', 'error-end', 'message-end',
  'message-intermediate-catch', 'timer-intermediate-catch',
  'timer-boundary', 'non-interrupting-timer-boundary', 'error-boundary',
  // A conditional flow straight out of a task is CONDITION_NOT_ON_GATEWAY: conditions go on a gateway's flows.
  'sequence-flow', 'default-flow',
]);

/** Whether a change-type menu entry leads to something the engine executes. */
export function replaceEntryAllowed(id: string): boolean {
  if (id.startsWith('replace-with-')) return REPLACE_ALLOWED.has(id.slice('replace-with-'.length));
  return true;
}

class TongbanReplaceFilter {
  static $inject = ['popupMenu'];
  constructor(popupMenu: any) {
    popupMenu.registerProvider('bpmn-replace', 100, this);
  }

  getPopupMenuEntries() {
    return (entries: Entries): Entries => Object.fromEntries(Object.entries(entries).filter(([id]) => replaceEntryAllowed(id)));
  }

  getPopupMenuHeaderEntries(target: any) {
    const bo = target?.businessObject;
    const isUserTask = bo?.$type === 'bpmn:UserTask';
    // An error boundary event always interrupts (BOUNDARY_INVALID otherwise).
    const isError = (bo?.eventDefinitions ?? []).some((d: any) => d.$type === 'bpmn:ErrorEventDefinition');
    return (entries: Entries): Entries =>
      Object.fromEntries(
        Object.entries(entries).filter(([id]) => id !== 'toggle-loop' && (isUserTask || !id.endsWith('-mi')) && !id.startsWith('toggle-is-')
          && !id.startsWith('toggle-participant') && !(isError && id === 'toggle-non-interrupting')),
      );
  }
}

/** What the context pad appends to a flow node, in this order: each executes. */
export const CONTEXT_APPENDS = [
  { id: 'append.user-task', type: 'bpmn:UserTask', className: 'bpmn-icon-user-task', title: 'Append user task' },
  { id: 'append.service-task', type: 'bpmn:ServiceTask', className: 'bpmn-icon-service-task', title: 'Append service task' },
  { id: 'append.receive-task', type: 'bpmn:ReceiveTask', className: 'bpmn-icon-receive-task', title: 'Append receive task' },
  { id: 'append.gateway', type: 'bpmn:ExclusiveGateway', className: 'bpmn-icon-gateway-xor', title: 'Append exclusive gateway' },
  { id: 'append.parallel-gateway', type: 'bpmn:ParallelGateway', className: 'bpmn-icon-gateway-parallel', title: 'Append parallel gateway' },
  { id: 'append.inclusive-gateway', type: 'bpmn:InclusiveGateway', className: 'bpmn-icon-gateway-or', title: 'Append inclusive gateway' },
  { id: 'append.timer-intermediate-event', type: 'bpmn:IntermediateCatchEvent', className: 'bpmn-icon-intermediate-event-catch-timer',
    title: 'Append timer intermediate catch event', options: { eventDefinitionType: 'bpmn:TimerEventDefinition' } },
  { id: 'append.message-intermediate-event', type: 'bpmn:IntermediateCatchEvent', className: 'bpmn-icon-intermediate-event-catch-message',
    title: 'Append message intermediate catch event', options: { eventDefinitionType: 'bpmn:MessageEventDefinition' } },
  { id: 'append.end-event', type: 'bpmn:EndEvent', className: 'bpmn-icon-end-event-none', title: 'Append end event' },
] as const;

/** Context pad entries bpmn-js offers that we keep (besides our appends): editing, connecting, notes, lanes. */
export function contextEntryKept(id: string): boolean {
  return id === 'delete' || id === 'replace' || id === 'connect' || id === 'append.text-annotation' || id.startsWith('lane-');
}

class TongbanContextPad {
  static $inject = ['contextPad', 'elementFactory', 'create', 'autoPlace', 'appendPreview', 'translate'];
  private readonly deps: { elementFactory: any; create: any; autoPlace: any; appendPreview: any; translate: (s: string) => string };

  constructor(contextPad: any, elementFactory: any, create: any, autoPlace: any, appendPreview: any, translate: (s: string) => string) {
    this.deps = { elementFactory, create, autoPlace, appendPreview, translate };
    // After bpmn-js's own provider (priority 1000), so we see and filter its entries.
    contextPad.registerProvider(500, this);
  }

  getContextPadEntries(_element: any) {
    const { elementFactory, create, autoPlace, appendPreview, translate } = this.deps;
    const appendsAny = (entries: Entries) => Object.keys(entries).some((id) => id.startsWith('append.') && id !== 'append.text-annotation');
    return (entries: Entries): Entries => {
      const kept: Entries = {};
      for (const [id, entry] of Object.entries(entries)) if (contextEntryKept(id)) kept[id] = entry;
      // bpmn-js offers appends where a next step makes sense (not after an end event); we offer ours there.
      if (!appendsAny(entries)) return kept;
      const ours: Entries = {};
      for (const a of CONTEXT_APPENDS) {
        const options = 'options' in a ? a.options : {};
        const shape = () => elementFactory.createShape({ type: a.type, ...options });
        ours[a.id] = {
          group: 'model',
          className: a.className,
          title: translate(a.title),
          action: {
            click: (_: Event, source: any) => autoPlace.append(source, shape()),
            dragstart: (event: Event, source: any) => create.start(event, shape(), { source }),
            hover: (_: Event, source: any) => {
              appendPreview.create(source, a.type, options);
              return () => appendPreview.cleanUp();
            },
          },
        };
      }
      return { ...ours, ...kept };
    };
  }
}

/** The bpmn-js module: our palette, the filtered change-type menu and context pad. */
export const tongbanPaletteModule = {
  __init__: ['tongbanPalette', 'tongbanReplaceFilter', 'tongbanContextPad'],
  tongbanPalette: ['type', TongbanPalette],
  tongbanReplaceFilter: ['type', TongbanReplaceFilter],
  tongbanContextPad: ['type', TongbanContextPad],
};
