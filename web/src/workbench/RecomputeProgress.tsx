// 期限重算: the progress of the deadline recomputation that a calendar edit
// starts in the background (n of m open cases, then done). Polls every second
// while a job is queued or running, and every few seconds otherwise, so a job
// recorded just after an edit shows up by itself.
import { useQuery } from '@tanstack/react-query';
import { Card, Progress, Spin, Typography } from 'antd';
import { api, type RecomputeJob } from '../api';
import { useI18n } from '../i18n';
import { ErrorAlert } from '../ui/errors';

function JobLine({ job }: { job: RecomputeJob }) {
  const { t, formatDateTime } = useI18n();
  const what = job.days ? `${job.region ?? ''} ${job.days.join('、')}${job.reason ? ` · ${job.reason}` : ''}` : t('cal.recompute.clock');
  const label = t('cal.recompute.label', { who: job.requestedBy?.name ?? '—', at: formatDateTime(job.requestedAt), what });
  const status =
    job.state === 'queued'
      ? t('cal.recompute.queued')
      : job.state === 'running'
        ? t('cal.recompute.running', { done: job.done, total: job.total })
        : t('cal.recompute.done', { total: job.total, moved: job.moved });
  const percent = job.state === 'done' ? 100 : job.total ? Math.floor((job.done / job.total) * 100) : 0;
  return (
    <li className="tb-recompute-job">
      <Typography.Text>{label}</Typography.Text>
      <Progress
        percent={percent}
        status={job.state === 'done' ? 'success' : job.state === 'running' ? 'active' : 'normal'}
        aria-label={label}
        showInfo={false}
      />
      <Typography.Text type="secondary" role="status" data-testid={`recompute-${job.id}`}>
        {status}
      </Typography.Text>
    </li>
  );
}

export function RecomputeProgress() {
  const { t } = useI18n();
  const jobs = useQuery({
    queryKey: ['calendar', 'recomputes'],
    queryFn: api.calendar.recomputes,
    refetchInterval: (q) => (q.state.data?.items.some((j) => j.state !== 'done') ? 1000 : 3000),
  });
  // The open jobs and the newest finished one.
  const items = jobs.data?.items ?? [];
  const shown = [...items.filter((j) => j.state !== 'done'), ...items.filter((j) => j.state === 'done').slice(0, 1)];
  return (
    <Card title={t('cal.recompute.title')}>
      <p className="tb-hint">{t('cal.recompute.hint')}</p>
      {jobs.isPending ? (
        <Spin />
      ) : jobs.isError ? (
        <ErrorAlert error={jobs.error} onRetry={() => void jobs.refetch()} />
      ) : shown.length === 0 ? (
        <Typography.Text type="secondary">{t('cal.recompute.none')}</Typography.Text>
      ) : (
        <ul className="tb-recompute-list">
          {shown.map((j) => (
            <JobLine key={j.id} job={j} />
          ))}
        </ul>
      )}
    </Card>
  );
}
