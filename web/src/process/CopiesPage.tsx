// 抄送我的: the cases copied to the signed-in staff member, unread first.
// Opening one records the read receipt (the sender sees it on the case page).
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Select, Table, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n';
import { LoadError } from '../ui/errors';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { LoadMore, useCursorList } from '../ui/paging';
import { copiesKey, processApi, type CopyView } from './api';
import { useProcessT } from './messages';
import './process.css';

export function CopiesPage() {
  const t = useProcessT();
  const { formatDateTime, t: tt } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useDocumentTitle(t('copies.title'));
  const [state, setState] = useState<'unread' | 'read' | undefined>(undefined);
  const list = useCursorList([...copiesKey, 'list', state], (cursor, limit) => processApi.myCopies({ state, cursor, limit }));
  const copies = list.query;
  const unread = list.firstPage?.unread;
  const read = useMutation({ mutationFn: (id: string) => processApi.markCopyRead(id) });

  const openCopy = (c: CopyView) => {
    const go = () => {
      void queryClient.invalidateQueries({ queryKey: copiesKey });
      if (c.caseId) void navigate(`/workbench/cases/${c.caseId}`);
    };
    if (c.readAt) go();
    else read.mutate(c.id, { onSettled: go });
  };

  return (
    <div className="tb-stack">
      <h1 className="tb-page-title">{t('copies.title')}</h1>
      <Alert type="info" showIcon title={t('copies.hint')} />
      {copies.isError ? (
        <LoadError error={copies.error} onRetry={() => void copies.refetch()} back={{ to: '/workbench', label: t('copies.back') }} />
      ) : (
        <Card
          title={unread !== undefined ? <span>{t('copies.unreadCount', { n: unread })}</span> : null}
          extra={
            <Select
              allowClear
              aria-label={t('copies.col.state')}
              placeholder={tt('wb.allStatuses')}
              value={state}
              onChange={(v?: 'unread' | 'read') => setState(v)}
              options={[{ value: 'unread', label: t('copies.unread') }, { value: 'read', label: t('copies.read') }]}
              style={{ width: 120 }}
            />
          }
        >
          <Table<CopyView>
            rowKey="id"
            loading={copies.isPending}
            dataSource={list.items}
            pagination={false}
            scroll={{ x: 'max-content' }}
            aria-label={t('copies.title')}
            locale={{ emptyText: t('copies.empty') }}
            rowClassName={(c) => (c.readAt ? '' : 'tb-row-unread')}
            columns={[
              { title: t('copies.col.case'), key: 'case', render: (_, c) => c.caseNo ?? '—' },
              { title: t('copies.col.item'), key: 'item', render: (_, c) => c.itemName ?? '—' },
              { title: t('copies.col.step'), key: 'step', render: (_, c) => c.step ?? '—' },
              { title: t('copies.col.from'), key: 'from', render: (_, c) => c.sentByName ?? '—' },
              { title: t('copies.col.at'), key: 'at', render: (_, c) => <time dateTime={c.sentAt}>{formatDateTime(c.sentAt)}</time> },
              {
                title: t('copies.col.state'),
                key: 'state',
                render: (_, c) => (c.readAt ? <Tag color="green">{t('copies.read')}</Tag> : <Tag color="orange">{t('copies.unread')}</Tag>),
              },
              {
                title: t('copies.col.open'),
                key: 'open',
                render: (_, c) => (
                  <Button type="link" disabled={!c.caseId} loading={read.isPending && read.variables === c.id} onClick={() => openCopy(c)}>
                    {t('copies.open')}
                    <span className="sr-only">{c.caseNo ?? ''}</span>
                  </Button>
                ),
              },
            ]}
          />
          <LoadMore list={list} />
        </Card>
      )}
    </div>
  );
}
