// The case's process on a case page: the diagram with done / active /
// returned steps and the full history table (staff see names, the applicant
// sees the path and the opinions).
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Spin } from 'antd';
import { ApiError } from '../api';
import { ErrorAlert } from '../ui/errors';
import { processApi, processKey } from './api';
import { readModel } from './model';
import { ProcessDiagram } from './ProcessDiagram';
import { ProcessHistory } from './ProcessHistory';
import { CopiesCard } from './CopiesCard';
import { useProcessT } from './messages';

export function useCaseProcess(caseId: string, enabled = true) {
  return useQuery({
    queryKey: processKey(caseId),
    queryFn: () => processApi.caseProcess(caseId),
    enabled,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

export function useStaff(enabled: boolean) {
  return useQuery({ queryKey: ['staff'], queryFn: () => processApi.staff(), enabled, staleTime: 5 * 60_000 });
}

/** Whether the process is suspended now (its last suspend has no resume after it). */
export function isSuspended(entries: { action: string }[]): boolean {
  for (let i = entries.length - 1; i >= 0; i--) {
    if (entries[i]!.action === 'resumed') return false;
    if (entries[i]!.action === 'suspended') return true;
  }
  return false;
}

export function ProcessSection({ caseId, audience }: { caseId: string; audience: 'staff' | 'applicant' }) {
  const t = useProcessT();
  const process = useCaseProcess(caseId);
  const staff = useStaff(audience === 'staff');
  const model = useMemo(() => readModel(process.data?.xml ?? ''), [process.data?.xml]);
  // A case not yet accepted has no process: nothing to show.
  if (process.isError && process.error instanceof ApiError && process.error.code === 'INSTANCE_NOT_FOUND') return null;
  const historyId = `process-history-${caseId}`;
  return (
    <>
      <Card title={<h2 className="tb-card-title">{t('proc.diagramTitle')}</h2>}>
        {process.isPending ? (
          <Spin />
        ) : process.isError ? (
          <ErrorAlert error={process.error} onRetry={() => void process.refetch()} />
        ) : (
          <>
            {isSuspended(process.data.entries) ? <Alert type="warning" showIcon title={t('proc.suspendedNote')} style={{ marginBottom: 12 }} /> : null}
            <ProcessDiagram xml={process.data.xml} highlight={process.data.highlight} model={model} skipTo={historyId} />
          </>
        )}
      </Card>
      {process.data ? (
        <Card title={<h2 className="tb-card-title">{t('proc.historyTitle')}</h2>}>
          <ProcessHistory
            id={historyId}
            entries={process.data.entries}
            model={model}
            highlight={process.data.highlight}
            audience={audience}
            staff={staff.data}
          />
        </Card>
      ) : null}
      {process.data && audience === 'staff' ? <CopiesCard caseId={caseId} /> : null}
    </>
  );
}
