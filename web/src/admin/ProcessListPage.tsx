// 流程定义: every process key with its published version, its newer draft,
// how many instances run on each version and which service items bind it.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useI18n } from '../i18n';
import { ErrorAlert, useShowError } from '../ui/errors';
import { useMe } from '../ui/auth';
import { LinkButton } from '../ui/LinkButton';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { workflowApi, type ListedVersion, type ProcessEntry } from './api';
import { useAdminT } from './messages';

export function ProcessListPage() {
  const t = useAdminT();
  const { formatDateTime } = useI18n();
  const { modal, message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const me = useMe();
  const editable = me.data?.role === 'admin';
  useDocumentTitle(t('list.title'));
  const list = useQuery({ queryKey: ['workflow', 'definitions'], queryFn: workflowApi.list });

  const versionLink = (v: ListedVersion) => (
    <Link to={`/admin/processes/${v.id}`} aria-label={`${v.key} ${t('list.versionLabel', { version: v.version })} ${t(`status.${v.status}`)}`}>
      {t('list.versionLabel', { version: v.version })} · {t(`status.${v.status}`)}
    </Link>
  );

  const versionTag = (v: ListedVersion) => (
    <Tooltip key={v.id} title={t('list.instancesTitle', { open: v.openInstances, total: v.totalInstances })}>
      <Tag color={v.status === 'published' ? 'green' : 'gold'}>
        {versionLink(v)}
        {v.openInstances > 0 ? <span className="tb-version-running"> · {t('list.running', { count: v.openInstances })}</span> : null}
      </Tag>
    </Tooltip>
  );

  const confirmDelete = (draft: ListedVersion) =>
    modal.confirm({
      title: t('list.confirmDelete', { key: draft.key, version: draft.version }),
      content: t('list.confirmDeleteBody'),
      okText: t('list.deleteDraft'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await workflowApi.deleteDraft(draft.id);
          void message.success(t('list.deleted', { version: draft.version }));
        } catch (err) {
          showError(err);
        } finally {
          await queryClient.invalidateQueries({ queryKey: ['workflow', 'definitions'] });
        }
      },
    });

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
        scroll={{ x: 'max-content' }}
        loading={list.isPending}
        dataSource={list.data ?? []}
        pagination={false}
        locale={{ emptyText: t('list.empty') }}
        columns={[
          {
            title: t('list.name'),
            key: 'key',
            render: (_, p) => (
              <Space orientation="vertical" size={0}>
                <span>{p.name ?? '—'}</span>
                <Typography.Text type="secondary"><code>{p.key}</code></Typography.Text>
              </Space>
            ),
          },
          {
            title: t('list.published'),
            key: 'published',
            render: (_, p) =>
              p.published ? (
                <Space orientation="vertical" size={0}>
                  <Tooltip title={formatDateTime(p.published.publishedAt)}>
                    <Tag color="green">{t('list.versionLabel', { version: p.published.version })}</Tag>
                  </Tooltip>
                  <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                    {t('list.instancesTitle', { open: p.published.openInstances, total: p.published.totalInstances })}
                  </Typography.Text>
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('list.none')}</Typography.Text>
              ),
          },
          {
            title: t('list.draft'),
            key: 'draft',
            render: (_, p) =>
              p.draft ? (
                <Space size={4}>
                  <Tag color="gold">{t('list.versionLabel', { version: p.draft.version })}</Tag>
                  {editable ? (
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined aria-hidden />}
                      aria-label={`${t('list.deleteDraft')} ${p.key} ${t('list.versionLabel', { version: p.draft.version })}`}
                      onClick={() => confirmDelete(p.draft!)}
                    >
                      {t('list.deleteDraft')}
                    </Button>
                  ) : null}
                </Space>
              ) : (
                '—'
              ),
          },
          { title: t('list.versions'), key: 'versions', render: (_, p) => <Space size={[0, 4]} wrap>{p.versions.map(versionTag)}</Space> },
          {
            title: t('list.items'),
            key: 'items',
            render: (_, p) =>
              p.items.length ? (
                <Space orientation="vertical" size={0}>
                  {p.items.map((i) => (
                    <span key={i.id} title={i.code}>
                      {i.name}
                      {i.enabled ? null : <Typography.Text type="secondary"> {t('list.disabledItem')}</Typography.Text>}
                    </span>
                  ))}
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('list.noItems')}</Typography.Text>
              ),
          },
          {
            title: t('list.export'),
            key: 'export',
            render: (_, p) => {
              const latest = p.versions[0];
              return latest ? (
                <a href={workflowApi.exportUrl(latest.id)} download style={{ whiteSpace: 'nowrap' }}
                  aria-label={`${t('list.export')} ${p.key} ${t('list.versionLabel', { version: latest.version })}`}>
                  {t('list.export')}
                </a>
              ) : null;
            },
          },
        ]}
      />
    </div>
  );
}
