// 我的咨询/投诉: the citizen's questions and complaints with the departments' answers.
import { useQuery } from '@tanstack/react-query';
import { Card, Collapse, Empty, Spin, Tag } from 'antd';
import { useI18n } from '../i18n';
import { ErrorAlert } from '../ui/errors';
import { LinkButton } from '../ui/LinkButton';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { portalApi } from './api';
import { MessageView } from './ConsultPage';
import { usePortalT } from './messages';

export function MyMessagesPage() {
  const p = usePortalT();
  const { formatDate } = useI18n();
  useDocumentTitle(p('nav.messages'));
  const list = useQuery({ queryKey: ['portal', 'my-messages'], queryFn: portalApi.myMessages });
  return (
    <Card>
      <h1 className="tb-page-title">{p('nav.messages')}</h1>
      <p>
        <LinkButton to="/consult" type="primary">
          {p('home.consultLink')}
        </LinkButton>
      </p>
      {list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Spin />
      ) : list.data.items.length === 0 ? (
        <Empty description={p('msg.empty')} />
      ) : (
        <Collapse
          items={list.data.items.map((m) => ({
            key: m.id,
            label: (
              <span className="tb-message-head">
                <Tag className={`tb-tag ${m.status === 'answered' ? 'tb-tag-approved' : 'tb-tag-submitted'}`} variant="outlined">
                  {m.status === 'answered' ? p('msg.answered') : p('msg.open')}
                </Tag>
                <span>
                  {p(`kind.${m.kind}`)} · {m.subject}
                </span>
                <span className="tb-muted">
                  {m.ticketNo} · {formatDate(m.createdAt)}
                </span>
              </span>
            ),
            children: <MessageView message={m} />,
          }))}
          defaultActiveKey={list.data.items.filter((m) => m.status === 'answered').slice(0, 1).map((m) => m.id)}
        />
      )}
    </Card>
  );
}
