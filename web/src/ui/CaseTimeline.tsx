import { Empty, Timeline, Typography } from 'antd';
import type { TimelineEntry } from '../api';
import { useI18n } from '../i18n';
import { useEventTypeLabel } from './labels';

const COLOR: Record<string, string> = {
  'case.refused': 'red',
  'case.concluded': 'green',
};

/** The status history of a case, oldest first, each step with who and why. */
export function CaseTimeline({ entries }: { entries: TimelineEntry[] }) {
  const { t, formatDateTime } = useI18n();
  const label = useEventTypeLabel();
  if (entries.length === 0) return <Empty description={t('case.noTimeline')} />;
  const sorted = [...entries].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Timeline
      items={sorted.map((entry, index) => ({
        key: `${entry.type}-${entry.at}-${index}`,
        color: COLOR[entry.type] ?? 'blue',
        content: (
          <div className="tb-timeline-entry">
            <div>
              <Typography.Text strong>{label(entry.type)}{entry.step ? `${t('common.colon')}${entry.step}` : ''}</Typography.Text>
              {entry.actorName ? (
                <Typography.Text type="secondary">
                  {' · '}
                  {t('case.actor')}
                  {t('common.colon')}
                  {entry.actorName}
                </Typography.Text>
              ) : null}
            </div>
            <Typography.Text type="secondary">
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
            </Typography.Text>
            {entry.note ? <div className="tb-timeline-note">{entry.note}</div> : null}
          </div>
        ),
      }))}
    />
  );
}
