/**
 * Loose, total access to bpmn-moddle elements. The moddle tree is untyped
 * (see bpmn-moddle.d.ts) and files from other tools contain anything, so every
 * read checks its shape and yields undefined instead of throwing.
 */

export interface ModdleElement {
  $type: string;
  id?: string;
  [property: string]: unknown;
}

export function isElement(value: unknown): value is ModdleElement {
  return typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';
}

/** A string property, trimmed; undefined when absent or empty. */
export function text(element: ModdleElement, property: string): string | undefined {
  const value = element[property];
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

export function child(element: ModdleElement, property: string): ModdleElement | undefined {
  const value = element[property];
  return isElement(value) ? value : undefined;
}

export function children(element: ModdleElement, property: string): ModdleElement[] {
  const value = element[property];
  return Array.isArray(value) ? value.filter(isElement) : [];
}

/** The id of a referenced element (moddle resolves references to the element itself). */
export function refId(element: ModdleElement, property: string): string | undefined {
  const value = element[property];
  return isElement(value) && typeof value.id === 'string' ? value.id : undefined;
}

/** The body of a bpmn:FormalExpression-like child (conditionExpression, timeDuration, …), trimmed. */
export function expressionBody(element: ModdleElement, property: string): string | undefined {
  const expression = child(element, property);
  return expression ? text(expression, 'body') : undefined;
}

/** An element id fit for a finding: the id, or a placeholder naming the type when the XML gave none. */
export function idOf(element: ModdleElement): string {
  return typeof element.id === 'string' && element.id !== '' ? element.id : `(${element.$type} without id)`;
}
