// 流程定义: every process key with its versions (draft / published).
import { useQuery } from '@tanstack/react-query';
import { Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../i18n';
import { ErrorAlert } from '../ui/errors';
import { useMe } from '../ui/auth';
import { LinkButton } from '../ui/LinkButton';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { workflowApi, type DefinitionVersion, type ProcessEntry } from './api';
import { useAdminT } from './messages';

export function ProcessListPage() {
  const t = useAdminT();
  const { formatDateTime } = useI18n();
  const me = useMe();
  const editable = me.data?.role === 'admin';
  useDocumentTitle(t('list.title'));
  const list = useQuery({ queryKey: ['workflow', 'definitions'], queryFn: workflowApi.list });

  const versionTag = (v: DefinitionVersion) => (
    <Tag key={v.id} color={v.status === 'published' ? 'green' : 'gold'}>
      <Link to={`/admin/processes/${v.id}`} aria-label={`${v.key} ${t('list.versionLabel', { version: v.version })} ${t(`status.${v.status}`)}`}>
        {t('list.versionLabel', { version: v.version })} · {t(`status.${v.status}`)}
      </Link>
    </Tag>
  );

  return (
    <div>
      <Space wrap align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={1} className="tb-page-title" style={{ margin: 0 }}>
          {t('list.title')}
        </Typography.Title>
        {editable ? (
          <LinkButton type="primary" to="/admin/processes/new">
            {t('list.new')}
          </LinkButton>
        ) : null}
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('list.intro')}
      </Typography.Paragraph>
      {list.error ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table<ProcessEntry>
        rowKey="key"
        loading={list.isPending}
        dataSource={list.data ?? []}
        pagination={false}
        locale={{ emptyText: t('list.empty') }}
        columns={[
          { title: t('list.key'), dataIndex: 'key', render: (key: string) => <code>{key}</code> },
          { title: t('list.name'), dataIndex: 'name', render: (name: string | null) => name ?? '—' },
          {
            title: t('list.published'),
            key: 'published',
            render: (_, p) =>
              p.published ? (
                <span>
                  <Tag color="green">{t('status.published')}</Tag>
                  {t('list.versionLabel', { version: p.published.version })}
                  <Typography.Text type="secondary"> · {formatDateTime(p.published.publishedAt)}</Typography.Text>
                </span>
              ) : (
                <Typography.Text type="secondary">{t('list.none')}</Typography.Text>
              ),
          },
          { title: t('list.versions'), key: 'versions', render: (_, p) => <Space size={[0, 4]} wrap>{p.versions.map(versionTag)}</Space> },
          {
            title: t('list.export'),
            key: 'export',
            render: (_, p) => {
              const latest = p.versions[0];
              return latest ? (
                <a href={workflowApi.exportUrl(latest.id)} download>
                  {t('list.export')} {t('list.versionLabel', { version: latest.version })}
                </a>
              ) : null;
            },
          },
        ]}
      />
    </div>
  );
}
