// What the properties panel writes into the BPMN model, apart from React: the
// panel runs these through bpmn-js's modeling service (one undoable command
// per `set`), and server/src/modules/workflow/designer-routes.test.ts runs the
// same functions over bpmn-moddle to check that every attribute round-trips
// through deploy → export → validate. The shapes follow docs/bpmn-support.md.

/* eslint-disable @typescript-eslint/no-explicit-any -- moddle elements are untyped JavaScript */

export interface Editor {
  moddle: { create(type: string, attrs?: Record<string, unknown>): any };
  /** Sets properties of one model element (in the designer: one command on the command stack). */
  set(target: any, props: Record<string, unknown>): void;
}

/** The event definition of an event element with the given type, if it has exactly that one. */
export function eventDefinition(bo: any, type: string): any {
  const defs: any[] = bo?.eventDefinitions ?? [];
  return defs.length === 1 && defs[0].$type === type ? defs[0] : undefined;
}

/** The bpmn:Definitions an element belongs to. */
export function definitionsOf(bo: any): any {
  let node = bo;
  while (node && node.$type !== 'bpmn:Definitions') node = node.$parent;
  return node;
}

/** Every flow element of the definitions, nested sub-processes included. */
function flowElements(definitions: any): any[] {
  const out: any[] = [];
  const visit = (container: any) => {
    for (const el of container?.flowElements ?? []) {
      out.push(el);
      if (el.flowElements) visit(el);
    }
  };
  for (const root of definitions?.rootElements ?? []) if (root.$type === 'bpmn:Process') visit(root);
  return out;
}

/** The elements (event definitions, receive tasks) whose `property` references `root`. */
function holdersOf(definitions: any, root: any, property: 'messageRef' | 'errorRef'): any[] {
  const holders: any[] = [];
  for (const el of flowElements(definitions)) {
    if (el[property] === root) holders.push(el);
    for (const def of el.eventDefinitions ?? []) if (def[property] === root) holders.push(def);
  }
  return holders;
}

/** The names of the messages the definitions declare, for suggestions. */
export function messageNames(definitions: any): string[] {
  return (definitions?.rootElements ?? []).filter((r: any) => r.$type === 'bpmn:Message' && r.name).map((r: any) => String(r.name));
}

/** The error codes the definitions declare, for suggestions. */
export function errorCodes(definitions: any): string[] {
  return (definitions?.rootElements ?? []).filter((r: any) => r.$type === 'bpmn:Error' && r.errorCode).map((r: any) => String(r.errorCode));
}

let counter = 0;
/** A fresh id for a root element, unique within the definitions. */
function freshId(definitions: any, prefix: string): string {
  const taken = new Set((definitions?.rootElements ?? []).map((r: any) => r.id));
  let id: string;
  do id = `${prefix}_${Date.now().toString(36)}${(counter++).toString(36)}`;
  while (taken.has(id));
  return id;
}

/**
 * Points `holder` (a message event definition or a receive task) at the
 * bpmn:Message named `name`, which the engine correlates on together with the
 * business key. A message used only by this holder is renamed in place; one
 * shared with others is left alone and another (existing or new) is chosen.
 * An empty name removes the reference (the validator then says MESSAGE_REF_MISSING).
 */
export function setMessageName(ed: Editor, definitions: any, holder: any, name: string): void {
  setRootRef(ed, definitions, holder, 'messageRef', 'bpmn:Message', name.trim(),
    (r) => r.name === name.trim(),
    (value) => ({ name: value }),
    (value) => ({ id: freshId(definitions, 'Message'), name: value }));
}

/**
 * Points an error event definition (error end event or error boundary) at the
 * bpmn:Error with errorCode `code`: what a thrower and a catcher match on. An
 * empty code removes the reference (a boundary then catches every error).
 */
export function setErrorCode(ed: Editor, definitions: any, holder: any, code: string): void {
  setRootRef(ed, definitions, holder, 'errorRef', 'bpmn:Error', code.trim(),
    (r) => r.errorCode === code.trim(),
    (value) => ({ errorCode: value, name: value }),
    (value) => ({ id: freshId(definitions, 'Error'), name: value, errorCode: value }));
}

function setRootRef(
  ed: Editor, definitions: any, holder: any, property: 'messageRef' | 'errorRef', type: string, value: string,
  matches: (root: any) => boolean, rename: (value: string) => Record<string, unknown>, fresh: (value: string) => Record<string, unknown>,
): void {
  const current = holder[property];
  if (!value) {
    ed.set(holder, { [property]: undefined });
    return;
  }
  if (current && matches(current)) return;
  const roots: any[] = definitions.rootElements ?? [];
  const existing = roots.find((r) => r.$type === type && matches(r));
  if (existing) {
    ed.set(holder, { [property]: existing });
    return;
  }
  if (current && holdersOf(definitions, current, property).every((h) => h === holder)) {
    ed.set(current, rename(value));
    return;
  }
  const created = ed.moddle.create(type, fresh(value));
  created.$parent = definitions;
  ed.set(definitions, { rootElements: [...roots, created] });
  ed.set(holder, { [property]: created });
}

/** A bpmn:FormalExpression with `body`, or undefined for an empty text. */
export function formalExpression(ed: Editor, body: string): any {
  const text = body.trim();
  return text ? ed.moddle.create('bpmn:FormalExpression', { body: text }) : undefined;
}

/** Which slot of a timer event definition a text belongs in: R… is a cycle, a date is a date, anything else a duration. */
export function timerSlot(body: string): 'timeCycle' | 'timeDate' | 'timeDuration' {
  const text = body.trim();
  return /^R/i.test(text) ? 'timeCycle' : /^\d{4}-/.test(text) ? 'timeDate' : 'timeDuration';
}

/** Writes a timer's text into its one slot (the others cleared). */
export function setTimer(ed: Editor, timer: any, body: string): void {
  const expr = formalExpression(ed, body);
  ed.set(timer, { timeDuration: undefined, timeDate: undefined, timeCycle: undefined, ...(expr ? { [timerSlot(body)]: expr } : {}) });
}

export type DurationUnit = 'workingDays' | 'days' | 'hours' | 'minutes';

/** A duration in our timer language: P5WD (working days, legal clock), P3D, PT2H, PT30M. */
export function durationText(amount: number, unit: DurationUnit): string {
  switch (unit) {
    case 'workingDays': return `P${amount}WD`;
    case 'days': return `P${amount}D`;
    case 'hours': return `PT${amount}H`;
    case 'minutes': return `PT${amount}M`;
  }
}

/** The amount and unit of a simple duration text, or null for anything else (dates, cycles, compound durations). */
export function simpleDuration(text: string): { amount: number; unit: DurationUnit } | null {
  const m = /^P(\d+)(WD|D)$/.exec(text.trim()) ?? /^PT(\d+)([HM])$/.exec(text.trim());
  if (!m || Number(m[1]) <= 0) return null;
  const unit = ({ WD: 'workingDays', D: 'days', H: 'hours', M: 'minutes' } as const)[m[2] as 'WD' | 'D' | 'H' | 'M'];
  return { amount: Number(m[1]), unit };
}

/** A flow's condition (our expression language; `${…}` is accepted as written). */
export function setCondition(ed: Editor, flow: any, body: string): void {
  const expr = formalExpression(ed, body);
  if (expr) expr.$parent = flow;
  ed.set(flow, { conditionExpression: expr });
}

/** A multi-instance step's number of instances (bpmn:loopCardinality, an expression over case data). */
export function setCardinality(ed: Editor, loop: any, body: string): void {
  const expr = formalExpression(ed, body);
  if (expr) expr.$parent = loop;
  ed.set(loop, { loopCardinality: expr });
}
