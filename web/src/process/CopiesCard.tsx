// 抄送及已读回执 on a case page: to whom the case was copied, at which step, by
// whom, and who has read it (the receipt is the recipient opening it).
import { useQuery } from '@tanstack/react-query';
import { Card, Table, Tag } from 'antd';
import { useI18n } from '../i18n';
import { processApi, type CopyView } from './api';
import { useProcessT } from './messages';

export function CopiesCard({ caseId }: { caseId: string }) {
  const t = useProcessT();
  const { formatDateTime } = useI18n();
  const copies = useQuery({ queryKey: ['cases', 'process', caseId, 'copies'], queryFn: () => processApi.caseCopies(caseId) });
  const items = copies.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card title={<h2 className="tb-card-title">{t('copies.sentTitle')}</h2>}>
      <Table<CopyView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items}
        aria-label={t('copies.sentTitle')}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('copies.sentTo'), key: 'to', render: (_, c) => c.userName ?? '—' },
          { title: t('copies.col.step'), key: 'step', render: (_, c) => c.step ?? '—' },
          { title: t('copies.col.from'), key: 'from', render: (_, c) => c.sentByName ?? '—' },
          { title: t('copies.col.at'), key: 'at', render: (_, c) => <time dateTime={c.sentAt}>{formatDateTime(c.sentAt)}</time> },
          {
            title: t('copies.col.state'),
            key: 'state',
            render: (_, c) => (c.readAt ? <Tag color="green">{t('copies.readAt', { at: formatDateTime(c.readAt) })}</Tag> : <Tag>{t('copies.unread')}</Tag>),
          },
        ]}
      />
    </Card>
  );
}
