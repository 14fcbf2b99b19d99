/**
 * The slice of bpmn-moddle 10 we use. The package ships typings only under
 * `bpmn-moddle/types`, not for its main entry, so we declare the reader here
 * and read elements through the loose `ModdleElement` shape (see moddle-access.ts).
 */
declare module 'bpmn-moddle' {
  export interface ModdleWarning {
    message: string;
    element?: { $type?: string; id?: string };
    property?: string;
    value?: unknown;
  }
  export interface FromXmlResult {
    rootElement: unknown;
    warnings: ModdleWarning[];
  }
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>, options?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string, options?: Record<string, unknown>): Promise<FromXmlResult>;
  }
}
