// Text labels for codes from the server. Status is always shown as text, the
// colour only repeats it (WCAG 1.4.1).
import { Tag } from 'antd';
import type { CaseStatus, DueFields, ItemType, LimitUnit } from '../api';
import { useI18n } from '../i18n';

export function StatusTag({ status }: { status: CaseStatus }) {
  const { t } = useI18n();
  return (
    <Tag className={`tb-tag tb-tag-${status}`} variant="outlined">
      {t(`status.${status}`)}
    </Tag>
  );
}

export function ItemTypeTag({ type }: { type: ItemType }) {
  const { t } = useI18n();
  return <Tag variant="outlined">{t(`itemType.${type}`)}</Tag>;
}

/** Label of an event type, falling back to the raw type for types this UI does not know yet. */
export function useEventTypeLabel(): (type: string) => string {
  const { t, has } = useI18n();
  return (type) => {
    const key = `event.${type}`;
    return has(key) ? t(key) : type;
  };
}

export function useRoleLabel(): (role: string | null | undefined) => string {
  const { t, has } = useI18n();
  return (role) => {
    if (!role) return '—';
    const key = `role.${role}`;
    return has(key) ? t(key) : role;
  };
}

const EVENT_TONE: Record<string, string> = {
  'case.submitted': 'submitted',
  'case.supplement_requested': 'submitted',
  'case.accepted': 'accepted',
  'case.refused': 'refused',
  'task.completed': 'task',
  'case.concluded': 'approved',
  'case.supplemented': 'submitted',
  'case.paused': 'submitted',
  'case.resumed': 'accepted',
  'case.extended': 'task',
  'case.deemed_accepted': 'accepted',
};

export function EventTypeTag({ type }: { type: string }) {
  const label = useEventTypeLabel();
  return (
    <Tag className={`tb-tag tb-tag-${EVENT_TONE[type] ?? 'other'}`} variant="outlined">
      {label(type)}
    </Tag>
  );
}

/** A legal or promised time limit in its unit: 即时办结, N 个工作日, N 个自然日 or N 小时. */
export function useLimitWords(): (n: number, unit: LimitUnit) => string {
  const { t } = useI18n();
  return (n, unit) => {
    if (n === 0) return t('item.sameDay');
    if (unit === 'hour') return t('item.hours', { hours: n });
    return unit === 'day' ? t('item.naturalDays', { days: n }) : t('item.workingDays', { days: n });
  };
}

const DUE_TONE = { green: 'approved', yellow: 'submitted', red: 'refused' } as const;

/** Words for the time left on a running deadline: 剩 N 个工作日 / 今日到期 / 已超期. */
export function useDueWords(): (due: DueFields) => string {
  const { t } = useI18n();
  return (due) => {
    if (due.colour === 'red') return t('due.red');
    if (due.workdaysLeft === 0) return t('due.today');
    if (due.workdaysLeft != null) return t('due.left', { days: due.workdaysLeft });
    return due.colour ? t(`due.${due.colour}`) : t('due.none');
  };
}

/**
 * Time left on a running deadline, by the one colour rule: a coloured tag that
 * also says it in words (the colour never stands alone), the due date, and
 * 暂定 when the date lies past the published holiday data.
 */
export function DueTag({ due, showDate = true }: { due: DueFields; showDate?: boolean }) {
  const { t, formatDate } = useI18n();
  const words = useDueWords();
  if (!due.colour) return <>{t('due.none')}</>;
  const text = due.colour === 'yellow' ? `${t('due.yellow')} · ${words(due)}` : words(due);
  return (
    <span className="tb-due">
      <Tag className={`tb-tag tb-tag-${DUE_TONE[due.colour]}`} variant="outlined">
        {text}
      </Tag>
      {due.dueProvisional ? (
        <Tag className="tb-tag tb-tag-other" variant="outlined" title={t('due.provisionalHint')}>
          {t('due.provisional')}
        </Tag>
      ) : null}
      {showDate && due.dueAt ? <span className="tb-due-date">{formatDate(due.dueAt)}</span> : null}
    </span>
  );
}
