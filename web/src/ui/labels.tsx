// Text labels for codes from the server. Status is always shown as text, the
// colour only repeats it (WCAG 1.4.1).
import { Tag } from 'antd';
import type { CaseStatus, DueFields, ItemType } from '../api';
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
};

export function EventTypeTag({ type }: { type: string }) {
  const label = useEventTypeLabel();
  return (
    <Tag className={`tb-tag tb-tag-${EVENT_TONE[type] ?? 'other'}`} variant="outlined">
      {label(type)}
    </Tag>
  );
}

const DUE_TONE = { green: 'approved', yellow: 'submitted', red: 'refused' } as const;

/** Time left on a running deadline: a coloured tag that also says it in words, and the due date. */
export function DueTag({ due }: { due: DueFields }) {
  const { t, formatDate } = useI18n();
  if (!due.colour) return <>{t('due.none')}</>;
  const words = due.colour === 'red' ? t('due.red') : due.workdaysLeft != null ? t('due.left', { days: due.workdaysLeft }) : t(`due.${due.colour}`);
  return (
    <span>
      <Tag className={`tb-tag tb-tag-${DUE_TONE[due.colour]}`} variant="outlined">
        {due.colour === 'green' ? words : `${t(`due.${due.colour}`)}${due.colour === 'yellow' ? ` · ${words}` : ''}`}
      </Tag>
      {due.dueAt ? <span className="tb-due-date">{formatDate(due.dueAt)}</span> : null}
    </span>
  );
}
