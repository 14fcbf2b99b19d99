// Loaded on demand by the designer page, so bpmn-js (and its CSS) never
// reaches the portal or workbench chunks.
import Modeler from 'bpmn-js/lib/Modeler';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import './designer.css';
import { designerModdleDescriptor } from '../tongban-descriptor';
import { tongbanPaletteModule } from './palette';
import { translateFor } from './translate-zh';

export type Diagram = Modeler | NavigatedViewer;

/** A modeler (admin) or a navigable viewer (read-only), with Chinese labels and our moddle extension. */
export function createDiagram(container: HTMLElement, opts: { editable: boolean; locale: () => 'zh' | 'en' }): Diagram {
  const translateModule = { translate: ['value', translateFor(opts.locale)] };
  const common = {
    container,
    moddleExtensions: { tongban: designerModdleDescriptor },
  };
  if (opts.editable) return new Modeler({ ...common, additionalModules: [translateModule, tongbanPaletteModule] });
  return new NavigatedViewer({ ...common, additionalModules: [translateModule] });
}
