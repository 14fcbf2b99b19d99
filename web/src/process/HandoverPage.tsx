// 工作交接 (移交): a manager moves every open task of one staff member (assigned
// to, claimed by or delegated to them) to another in one step, e.g. before
// leave. The engine locks each process and records the handover in its history.
// Only a decider of each step's department may receive them (as for 转办); the
// dialog offers only those.
import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Modal, Select, Table } from 'antd';
import { LoadError, useShowError } from '../ui/errors';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { processApi, type Workload } from './api';
import { useProcessT } from './messages';

const WORKLOAD_KEY = ['staff', 'workload'] as const;

export function HandoverPage() {
  const t = useProcessT();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  useDocumentTitle(t('handover.menu'));
  const [from, setFrom] = useState<Workload | null>(null);
  const [form] = Form.useForm<{ to: string }>();
  const workload = useQuery({ queryKey: WORKLOAD_KEY, queryFn: () => processApi.workload(), staleTime: 0 });
  const handover = useMutation({ mutationFn: ({ fromId, to }: { fromId: string; to: string }) => processApi.handover(fromId, to) });
  // Only those who may take over every one of the person's steps (the server refuses anyone else).
  const targets = useQuery({ queryKey: ['staff', 'handover-targets', from?.id], queryFn: () => processApi.handoverTargets(from!.id), enabled: from !== null, staleTime: 0 });
  const options = useMemo(
    () =>
      (targets.data?.items ?? []).map((p) => ({ value: p.id, label: p.departmentName ? t('ops.staffOption', { name: p.displayName, dept: p.departmentName }) : p.displayName })),
    [targets.data, t],
  );

  const submit = () => {
    if (!from) return;
    form.validateFields().then(
      ({ to }) =>
        handover.mutate(
          { fromId: from.id, to },
          {
            onSuccess: (r) => {
              void message.success(t('handover.done', { n: r.taskIds.length }));
              setFrom(null);
              void queryClient.invalidateQueries({ queryKey: WORKLOAD_KEY });
              void queryClient.invalidateQueries({ queryKey: ['tasks'] });
              void queryClient.invalidateQueries({ queryKey: ['cases'] });
            },
            onError: (e) => {
              showError(e);
              setFrom(null);
              void queryClient.invalidateQueries({ queryKey: WORKLOAD_KEY });
            },
          },
        ),
      () => {
        // the form shows what is missing
      },
    );
  };

  return (
    <div className="tb-stack">
      <h1 className="tb-page-title">{t('handover.title')}</h1>
      <Alert type="info" showIcon title={t('handover.hint')} />
      {workload.isError ? (
        <LoadError error={workload.error} onRetry={() => void workload.refetch()} back={{ to: '/workbench', label: t('copies.back') }} />
      ) : (
        <Card>
          <Table<Workload>
            rowKey="id"
            loading={workload.isPending}
            dataSource={workload.data ?? []}
            pagination={false}
            scroll={{ x: 'max-content' }}
            aria-label={t('handover.title')}
            columns={[
              { title: t('handover.col.person'), key: 'person', render: (_, p) => p.displayName },
              { title: t('handover.col.dept'), key: 'dept', render: (_, p) => p.departmentName ?? '—' },
              { title: t('handover.col.open'), key: 'open', render: (_, p) => p.openTasks },
              {
                title: t('handover.col.action'),
                key: 'action',
                render: (_, p) =>
                  p.openTasks > 0 ? (
                    <Button
                      onClick={() => {
                        form.resetFields();
                        setFrom(p);
                      }}
                    >
                      {t('handover.action')}
                      <span className="sr-only">{p.displayName}</span>
                    </Button>
                  ) : (
                    <span className="tb-hint">{t('handover.nothing')}</span>
                  ),
              },
            ]}
          />
        </Card>
      )}
      <Modal
        open={from !== null}
        title={from ? t('handover.dialogTitle', { name: from.displayName }) : ''}
        okText={t('handover.confirm')}
        cancelText={t('ops.cancel')}
        okButtonProps={{ loading: handover.isPending, danger: true }}
        destroyOnHidden
        onCancel={() => setFrom(null)}
        onOk={submit}
      >
        <p>{t('handover.dialogHint', { n: from?.openTasks ?? 0 })}</p>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="to"
            label={t('handover.to')}
            rules={[{ required: true, message: t('handover.toRequired') }]}
            extra={targets.isSuccess && options.length === 0 ? t('handover.noTargets') : t('handover.targetsRule')}
          >
            <Select options={options} showSearch={{ optionFilterProp: 'label' }} loading={targets.isPending} aria-required />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
