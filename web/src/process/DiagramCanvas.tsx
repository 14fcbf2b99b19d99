// The bpmn-js viewer, in its own chunk (loaded by ProcessDiagram on demand):
// draws the case's process and marks done, active and returned steps.
/* eslint-disable @typescript-eslint/no-explicit-any -- bpmn-js services are untyped JavaScript */
import { useEffect, useRef, useState } from 'react';
import { Alert } from 'antd';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import './process.css';
import type { Highlight } from './api';
import { withLayout } from './model';
import { useProcessT } from './messages';

export const MARKER = { done: 'tb-done', active: 'tb-active', returned: 'tb-returned' } as const;

export default function DiagramCanvas({ xml, highlight, label }: { xml: string; highlight: Highlight; label: string }) {
  const t = useProcessT();
  const container = useRef<HTMLDivElement>(null);
  const viewer = useRef<NavigatedViewer | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!container.current) return undefined;
    const v = new NavigatedViewer({ container: container.current });
    viewer.current = v;
    return () => {
      v.destroy();
      viewer.current = null;
    };
  }, []);

  useEffect(() => {
    const v = viewer.current;
    if (!v) return;
    let live = true;
    v.importXML(withLayout(xml)).then(
      () => {
        if (!live) return;
        setError(null);
        const canvas = v.get('canvas') as any;
        const registry = v.get('elementRegistry') as any;
        for (const [state, marker] of Object.entries(MARKER) as [keyof Highlight, string][]) {
          for (const id of highlight[state]) if (registry.get(id)) canvas.addMarker(id, marker);
        }
        canvas.zoom('fit-viewport', 'auto');
      },
      (err: Error) => {
        if (live) setError(err.message);
      },
    );
    return () => {
      live = false;
    };
  }, [xml, highlight]);

  return (
    <>
      {error ? <Alert type="warning" showIcon title={t('proc.renderFailed', { message: error })} /> : null}
      <div ref={container} className="tb-proc-canvas" role="figure" aria-label={label} data-testid="process-diagram" />
    </>
  );
}
