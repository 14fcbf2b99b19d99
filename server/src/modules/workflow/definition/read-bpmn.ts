import { BpmnModdle, type ModdleWarning } from 'bpmn-moddle';
import { finding, type Finding } from './findings.ts';
import { isElement, type ModdleElement } from './moddle-access.ts';
import { tongbanModdleDescriptor } from './tongban-schema.ts';

/**
 * XML → bpmn-moddle tree. Never throws: unreadable input becomes one
 * XML_MALFORMED finding. Unresolved references are handed back by element and
 * property so later checks can name the missing id.
 */

export interface ReadResult {
  definitions: ModdleElement | null;
  findings: Finding[];
  /** `${elementId}#${property}` → the id that could not be resolved (property without namespace prefix). */
  unresolved: Map<string, string>;
}

let moddle: BpmnModdle | undefined;

// moddle names our namespace by its registered prefix whatever prefix the file uses.
const OUR_UNKNOWN = /unknown (?:attribute|type) <(tongban:[^>]+)>/;

function reader(): BpmnModdle {
  moddle ??= new BpmnModdle({ tongban: tongbanModdleDescriptor });
  return moddle;
}

export async function readBpmn(xml: string): Promise<ReadResult> {
  const unresolved = new Map<string, string>();
  // Callers from untyped edges (a JSON body, a form field) may hand over anything.
  if (typeof xml !== 'string') return { definitions: null, findings: [finding('XML_MALFORMED', null, { detail: 'no XML text given' })], unresolved };
  // A leading byte-order mark makes the XML reader see text before the root element.
  const source = xml.replace(/^\uFEFF/, '');
  let result;
  try {
    result = await reader().fromXML(source);
  } catch (error) {
    return { definitions: null, findings: [finding('XML_MALFORMED', null, { detail: oneLine(error) })], unresolved };
  }
  const definitions = isElement(result.rootElement) && result.rootElement.$type === 'bpmn:Definitions' ? result.rootElement : null;
  if (!definitions) {
    return { definitions: null, findings: [finding('XML_MALFORMED', null, { detail: 'the root element is not bpmn:definitions' })], unresolved };
  }
  const findings: Finding[] = [];
  for (const warning of result.warnings) {
    const reference = unresolvedReference(warning);
    if (reference) {
      unresolved.set(reference.key, reference.value);
      // Missing flow ends get their own, clearer finding (FLOW_MISSING_END).
      if (reference.property === 'sourceRef' || reference.property === 'targetRef') continue;
    }
    const element = warning.element;
    const target = element?.id && element.$type ? { id: element.id, type: element.$type } : null;
    // Our own namespace has no room for guesses: a misspelt tongban:limitDays would silently drop a legal time limit.
    const ours = OUR_UNKNOWN.exec(warning.message);
    if (ours) findings.push(finding('ATTRIBUTE_UNKNOWN', target, { name: ours[1]! }));
    else findings.push(finding('XML_WARNING', target, { detail: oneLine(warning.message) }));
  }
  return { definitions, findings, unresolved };
}

function unresolvedReference(warning: ModdleWarning): { key: string; property: string; value: string } | undefined {
  if (!warning.message.startsWith('unresolved reference') || !warning.element?.id || typeof warning.value !== 'string') return undefined;
  const property = (warning.property ?? '').replace(/^[^:]*:/, '');
  return { key: `${warning.element.id}#${property}`, property, value: warning.value };
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').trim().slice(0, 300);
}
