// The case's process diagram with its highlights, a legend in words and the
// same states as a sentence (never colour alone). bpmn-js loads on demand.
import { lazy, Suspense, useMemo } from 'react';
import { Alert, Spin } from 'antd';
import type { Highlight } from './api';
import { type ProcessModelInfo, stepName } from './model';
import { useProcessT } from './messages';
import './process.css';

function DiagramUnavailable() {
  const t = useProcessT();
  return <Alert type="warning" showIcon title={t('proc.renderFailed', { message: t('proc.chunkFailed') })} />;
}

// A failed chunk load (e.g. a new deployment replaced it) leaves the legend, the states in words and the history.
const DiagramCanvas = lazy(() => import('./DiagramCanvas').catch(() => ({ default: DiagramUnavailable })));

export function ProcessDiagram({ xml, highlight, model, skipTo }: { xml: string; highlight: Highlight; model: ProcessModelInfo; skipTo: string }) {
  const t = useProcessT();
  const names = (ids: string[]) => {
    const list = ids.filter((id) => /task|subProcess|callActivity/i.test(model.steps.get(id)?.type ?? 'task')).map((id) => stepName(model, id));
    return list.length > 0 ? list.join('、') : t('proc.none');
  };
  const summary = t('proc.state.summary', { done: names(highlight.done), active: names(highlight.active), returned: names(highlight.returned) });
  const label = t('proc.diagramLabel', { name: model.name ?? '' });
  const stable = useMemo(() => highlight, [highlight]);
  return (
    <div>
      <a className="tb-skip-link" href={`#${skipTo}`}>
        {t('proc.skipDiagram')}
      </a>
      <Suspense fallback={<Spin tip={t('proc.loading')}><div className="tb-proc-canvas" /></Spin>}>
        <DiagramCanvas xml={xml} highlight={stable} label={`${label}。${summary}`} />
      </Suspense>
      <ul className="tb-proc-legend" aria-label={t('proc.legend')}>
        <li>
          <span className="tb-proc-swatch tb-done" aria-hidden />
          {t('proc.state.done')}
        </li>
        <li>
          <span className="tb-proc-swatch tb-active" aria-hidden />
          {t('proc.state.active')}
        </li>
        <li>
          <span className="tb-proc-swatch tb-returned" aria-hidden />
          {t('proc.state.returned')}
        </li>
      </ul>
      <p className="tb-hint" data-testid="process-states">{summary}</p>
    </div>
  );
}
