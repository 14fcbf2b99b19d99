// Every entry of the case's process history: when, which step, what, who,
// the opinion and the form fields the step changed.
import { Empty, Table, Tag } from 'antd';
import { useI18n } from '../i18n';
import type { Highlight, ProcessEntry, StaffMember } from './api';
import { type ProcessModelInfo, stepName } from './model';
import { isProcessKey, useProcessT, type ProcessKey } from './messages';

const ACTION_ALIASES: Record<string, string> = {
  signer_added: 'signerAdded',
  signer_removed: 'signerRemoved',
  copy_read: 'copyRead',
  handed_over: 'handedOver',
};

/** Engine actions that are bookkeeping, not something a person did or should read. */
const HIDDEN = new Set(['passed']);

function valueText(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

export function actionKey(action: string): ProcessKey | null {
  const key = `act.${ACTION_ALIASES[action] ?? action}`;
  return isProcessKey(key) ? key : null;
}

export function ProcessHistory({
  entries,
  model,
  highlight,
  audience,
  staff,
  id,
}: {
  entries: ProcessEntry[];
  model: ProcessModelInfo;
  highlight: Highlight;
  audience: 'staff' | 'applicant';
  staff?: StaffMember[];
  id: string;
}) {
  const t = useProcessT();
  const { formatDateTime } = useI18n();
  const personName = new Map((staff ?? []).map((s) => [s.id, s.displayName]));
  const who = (uid: unknown) => (typeof uid === 'string' ? personName.get(uid) ?? null : null);
  const rows = entries.filter((e) => !HIDDEN.has(e.action));

  const detailText = (e: ProcessEntry): string | null => {
    const d = e.details ?? {};
    switch (e.action) {
      case 'returned':
        return typeof d.target === 'string' ? t('proc.returnTo', { step: stepName(model, d.target) ?? d.target }) : null;
      case 'transferred':
        return audience === 'staff' && who(d.to) ? t('proc.transferTo', { name: who(d.to)! }) : null;
      case 'delegated':
        return audience === 'staff' && who(d.to) ? t('proc.delegateTo', { name: who(d.to)! }) : null;
      case 'signerAdded':
      case 'signer_added':
        return audience === 'staff' && Array.isArray(d.users) ? t('proc.signersAdded', { names: d.users.map((u) => who(u) ?? String(u)).join('、') }) : null;
      case 'copied':
        return audience === 'staff' && Array.isArray(d.users) ? t('proc.copiedTo', { names: d.users.map((u) => who(u) ?? String(u)).join('、') }) : null;
      case 'signerRemoved':
        return audience === 'staff' && typeof d.signer === 'string' ? t('proc.signerRemoved', { name: (typeof d.signerName === 'string' ? d.signerName : null) ?? who(d.signer) ?? d.signer }) : null;
      case 'timerRescheduled': {
        const reason = `proc.timerReason.${String(d.reason ?? '')}`;
        return typeof d.to === 'string' ? t('proc.timerMoved', { reason: isProcessKey(reason) ? t(reason) : String(d.reason ?? ''), to: formatDateTime(d.to) }) : null;
      }
      case 'escalated':
        return typeof d.toRole === 'string' ? t('proc.escalatedTo', { role: d.toRole }) : null;
      case 'cancelled': {
        const key = `proc.cancelReason.${String(d.reason ?? '')}`;
        return isProcessKey(key) ? t(key) : null;
      }
      case 'completed':
        return d.outcome === 'approve' || d.outcome === 'reject' ? t(`proc.outcome.${d.outcome}`) : null;
      default:
        return null;
    }
  };

  const stateOf = (nodeId: string | null): string => {
    if (!nodeId) return '';
    if (highlight.active.includes(nodeId)) return t('proc.state.active');
    if (highlight.returned.includes(nodeId)) return t('proc.state.returned');
    if (highlight.done.includes(nodeId)) return t('proc.state.done');
    return '';
  };

  const columns = [
    {
      title: t('proc.col.at'),
      key: 'at',
      render: (_: unknown, e: ProcessEntry) => <time dateTime={e.at}>{formatDateTime(e.at)}</time>,
    },
    { title: t('proc.col.step'), key: 'step', render: (_: unknown, e: ProcessEntry) => (e.nodeId ? stepName(model, e.nodeId) : t('proc.process')) },
    {
      title: t('proc.col.state'),
      key: 'state',
      render: (_: unknown, e: ProcessEntry) => stateOf(e.nodeId) || '—',
    },
    {
      title: t('proc.col.action'),
      key: 'action',
      render: (_: unknown, e: ProcessEntry) => {
        const key = actionKey(e.action);
        const extra = detailText(e);
        return (
          <div>
            <Tag color={e.action === 'returned' ? 'orange' : e.action === 'cancelled' || e.action === 'withdrawn' ? 'default' : 'blue'}>
              {key ? t(key) : e.action}
            </Tag>
            {extra ? <div className="tb-hint">{extra}</div> : null}
          </div>
        );
      },
    },
    {
      title: t('proc.col.actor'),
      key: 'actor',
      render: (_: unknown, e: ProcessEntry) =>
        audience === 'applicant' ? (e.actorId || e.action !== 'started' ? t('proc.agency') : t('proc.system')) : e.actorName ?? (e.actorId ? '—' : t('proc.system')),
    },
    { title: t('proc.col.opinion'), key: 'opinion', render: (_: unknown, e: ProcessEntry) => <span className="tb-prewrap">{e.opinion ?? '—'}</span> },
    {
      title: t('proc.col.fields'),
      key: 'fields',
      render: (_: unknown, e: ProcessEntry) => {
        const changed = Object.entries(e.fields ?? {});
        if (changed.length === 0) return '—';
        return (
          <ul className="tb-plain-list">
            {changed.map(([k, v]) => (
              <li key={k}>{`${k}${'：'}${valueText(v?.from)} → ${valueText(v?.to)}`}</li>
            ))}
          </ul>
        );
      },
    },
  ];

  return (
    <div id={id} tabIndex={-1}>
      {rows.length === 0 ? (
        <Empty description={t('proc.historyEmpty')} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={columns}
          dataSource={rows}
          aria-label={t('proc.historyTitle')}
        />
      )}
    </div>
  );
}
