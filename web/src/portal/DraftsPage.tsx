// 我的草稿: applications saved half-filled; continue, or delete.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Popconfirm, Space, Spin } from 'antd';
import { useI18n } from '../i18n';
import { ErrorAlert, useShowError } from '../ui/errors';
import { LinkButton } from '../ui/LinkButton';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { portalApi } from './api';
import { usePortalT } from './messages';

export function DraftsPage() {
  const p = usePortalT();
  const { formatDateTime, t } = useI18n();
  useDocumentTitle(p('drafts.title'));
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const drafts = useQuery({ queryKey: ['portal', 'drafts'], queryFn: portalApi.drafts });
  const remove = useMutation({
    mutationFn: portalApi.deleteDraft,
    onSuccess: () => {
      void message.success(p('drafts.deleted'));
      void queryClient.invalidateQueries({ queryKey: ['portal', 'drafts'] });
      void queryClient.invalidateQueries({ queryKey: ['portal', 'draft'] });
    },
    onError: showError,
  });
  return (
    <Card>
      <h1 className="tb-page-title">{p('drafts.title')}</h1>
      <p className="tb-muted">{p('drafts.intro')}</p>
      {drafts.isError ? (
        <ErrorAlert error={drafts.error} onRetry={() => void drafts.refetch()} />
      ) : drafts.isPending ? (
        <Spin />
      ) : drafts.data.items.length === 0 ? (
        <Empty description={p('drafts.empty')} />
      ) : (
        <ul className="tb-draft-list">
          {drafts.data.items.map((d) => (
            <li key={d.id}>
              <h2 className="tb-card-title">{d.itemName}</h2>
              <dl className="tb-inline-dl">
                <div>
                  <dt>{t('item.department')}</dt>
                  <dd>{d.departmentName}</dd>
                </div>
                <div>
                  <dt>{p('drafts.savedAt')}</dt>
                  <dd>{formatDateTime(d.updatedAt)}</dd>
                </div>
                <div>
                  <dt>{p('drafts.materials')}</dt>
                  <dd>{p('drafts.count', { count: d.materials.length })}</dd>
                </div>
              </dl>
              <Space wrap>
                <LinkButton type="primary" to={`/items/${d.itemId}#apply`} aria-label={`${p('drafts.resume')}：${d.itemName}`}>
                  {p('drafts.resume')}
                </LinkButton>
                <Popconfirm title={p('drafts.deleteConfirm', { name: d.itemName })} onConfirm={() => remove.mutate(d.id)} okText={p('drafts.delete')} cancelText={t('common.cancel')}>
                  <Button danger aria-label={`${p('drafts.delete')}：${d.itemName}`} loading={remove.isPending && remove.variables === d.id}>
                    {p('drafts.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
