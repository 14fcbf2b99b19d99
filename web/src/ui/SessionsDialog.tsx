// 在线设备: the signed-in person's live sessions, to end one or all of them.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, List, Modal, Popconfirm, Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { api, type SessionInfo } from '../api';
import { useI18n } from '../i18n';
import { ME_KEY } from './auth';
import { deviceName } from './deviceName';
import { ErrorAlert, useShowError } from './errors';

const SESSIONS_KEY = ['auth', 'sessions'] as const;

export function SessionsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, formatDateTime } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: SESSIONS_KEY, queryFn: api.auth.sessions, enabled: open, staleTime: 0 });
  const signedOut = () => {
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'catalog' });
    queryClient.setQueryData(ME_KEY, null);
    onClose();
    navigate('/');
  };
  const endOne = useMutation({
    mutationFn: (s: SessionInfo) => api.auth.endSession(s.id),
    onSuccess: (_, s) => {
      if (s.current) return signedOut();
      void message.success(t('session.ended'));
      return queryClient.invalidateQueries({ queryKey: SESSIONS_KEY });
    },
    onError: showError,
  });
  const endAll = useMutation({
    mutationFn: api.auth.logoutEverywhere,
    onSuccess: () => {
      void message.success(t('session.endAllDone'));
      signedOut();
    },
    onError: showError,
  });

  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('session.title')}
      width={640}
      footer={
        <Popconfirm title={t('session.endAllConfirm')} onConfirm={() => endAll.mutate()} okButtonProps={{ danger: true }}>
          <Button danger loading={endAll.isPending}>
            {t('session.endAll')}
          </Button>
        </Popconfirm>
      }
    >
      <Typography.Paragraph type="secondary">{t('session.intro')}</Typography.Paragraph>
      {sessions.isError ? (
        <ErrorAlert error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <List
          itemLayout="vertical"
          aria-label={t('session.title')}
          loading={sessions.isPending}
          dataSource={sessions.data?.items ?? []}
          locale={{ emptyText: t('session.none') }}
          renderItem={(s) => (
            <List.Item
              className="tb-session"
              actions={[
                <Button key="end" size="small" loading={endOne.isPending && endOne.variables?.id === s.id} onClick={() => endOne.mutate(s)}>
                  {t('session.end')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space size="small" wrap>
                    <span>{deviceName(s.userAgent) ?? t('session.unknownDevice')}</span>
                    {s.current && <Tag color="blue">{t('session.current')}</Tag>}
                  </Space>
                }
                description={
                  <div className="tb-session-facts">
                    <div>{t('session.address')}{t('common.colon')}{s.address ?? '—'}</div>
                    <div>{t('session.signedInAt')}{t('common.colon')}{formatDateTime(s.createdAt)}</div>
                    <div>{t('session.lastSeenAt')}{t('common.colon')}{formatDateTime(s.lastSeenAt)}</div>
                  </div>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Modal>
  );
}
