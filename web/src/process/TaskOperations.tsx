// The process operations on a case page in the workbench: for the approver's
// open step 退回 / 转办 / 委派 / 加签 / 抄送, 撤回 of the step they completed
// last, and for managers 催办 of open steps and 挂起 / 恢复 of the process.
// The server checks each again; refusals show its message.
import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Select, Space } from 'antd';
import { api, type CaseDetail, type User } from '../api';
import { useShowError } from '../ui/errors';
import { processApi, processKey } from './api';
import { readModel, stepName, stepOfTaskName } from './model';
import { isSuspended, useCaseProcess, useStaff } from './ProcessSection';
import { useProcessT } from './messages';

type Kind = 'return' | 'transfer' | 'delegate' | 'signers' | 'copy' | 'withdraw' | 'suspend' | 'urge';
interface Dialog {
  kind: Kind;
  taskId: string;
  step: string;
}
interface Values {
  target?: string;
  opinion?: string;
  person?: string;
  people?: string[];
  reason?: string;
}

const ACTED = new Set(['completed', 'returned', 'claimed', 'transferred', 'delegated', 'withdrawn']);
const STAFF_ROLES = new Set(['approver', 'manager', 'agency_head', 'government_head', 'admin']);

export function TaskOperations({ detail, user }: { detail: CaseDetail; user: User }) {
  const t = useProcessT();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const isApprover = user.role === 'approver';
  const isManager = user.role === 'manager' || user.role === 'admin';
  const running = detail.status === 'accepted';
  const process = useCaseProcess(detail.id, running && STAFF_ROLES.has(user.role));
  const model = useMemo(() => readModel(process.data?.xml ?? ''), [process.data?.xml]);
  const tasks = useQuery({ queryKey: ['tasks'], queryFn: () => api.tasks.list(), enabled: running && isApprover });
  const staff = useStaff(running && STAFF_ROLES.has(user.role));
  const targets = useQuery({
    queryKey: ['tasks', 'return-targets', dialog?.taskId],
    queryFn: () => processApi.returnTargets(dialog!.taskId),
    enabled: dialog?.kind === 'return',
    staleTime: 0,
  });

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['cases'] });
    void queryClient.invalidateQueries({ queryKey: processKey(detail.id) });
    void queryClient.invalidateQueries({ queryKey: ['tasks'] });
  };

  const run = useMutation({
    mutationFn: async ({ d, v }: { d: Dialog; v: Values }) => {
      switch (d.kind) {
        case 'return':
          return processApi.returnTask(d.taskId, v.target!, v.opinion!.trim());
        case 'transfer':
          return processApi.transfer(d.taskId, v.person!, v.reason?.trim() || undefined);
        case 'delegate':
          return processApi.delegate(d.taskId, v.person!, v.reason?.trim() || undefined);
        case 'signers':
          return processApi.addSigners(d.taskId, v.people!);
        case 'copy':
          return processApi.copyTo(detail.id, v.people!, d.taskId || undefined);
        case 'withdraw':
          return processApi.withdraw(d.taskId, v.reason?.trim() || undefined);
        case 'urge':
          return processApi.urge(d.taskId, v.reason?.trim() || undefined);
        case 'suspend':
          return processApi.suspend(detail.id, v.reason!.trim());
      }
    },
  });
  const resume = useMutation({ mutationFn: () => processApi.resume(detail.id) });

  if (!running || !process.data) return null;
  const entries = process.data.entries;
  const suspended = isSuspended(entries);
  const myTask = isApprover ? tasks.data?.items.find((x) => x.caseId === detail.id) ?? null : null;
  const myStep = myTask ? stepOfTaskName(model, myTask.name) : null;
  // The step this person completed last, while nothing has happened after it but other steps opening.
  const lastCompleted = isApprover ? [...entries].reverse().find((e) => e.action === 'completed' && e.taskId && e.actorId === user.id) : undefined;
  // Someone acting on another step after it makes a withdrawal too late (the server decides; this only hides a button bound to fail).
  const actedAfter = lastCompleted
    ? entries.some((e) => e.id > lastCompleted.id && e.nodeId !== lastCompleted.nodeId && ACTED.has(e.action))
    : false;
  const withdrawable =
    lastCompleted && !actedAfter && lastCompleted.taskId !== myTask?.id && detail.tasks.some((x) => x.id === lastCompleted.taskId && x.status === 'done')
      ? lastCompleted
      : undefined;
  // Only steps where the process rests now (a returned task is not one, whatever its row says).
  const activeNodes = new Set(process.data.highlight.active);
  const openTasks = detail.tasks.filter((x) => x.status === 'open' && (!model.steps.size || activeNodes.has(stepOfTaskName(model, x.name)?.id ?? x.name)));
  const staffOptions = (staff.data ?? [])
    .filter((s) => s.id !== user.id)
    .map((s) => ({ value: s.id, label: s.departmentName ? t('ops.staffOption', { name: s.displayName, dept: s.departmentName }) : s.displayName }));

  const open = (kind: Kind, taskId: string, step: string) => {
    form.resetFields();
    setDialog({ kind, taskId, step });
  };

  const doneText = (d: Dialog, v: Values): string => {
    switch (d.kind) {
      case 'return':
        return t('ops.done.return', { step: stepName(model, v.target ?? null) ?? '' });
      case 'signers':
        return t('ops.done.addSigner');
      case 'urge':
        return t('ops.done.urge', { step: d.step });
      default:
        return t(`ops.done.${d.kind}`);
    }
  };

  const submit = () => {
    if (!dialog) return;
    form.validateFields().then(
      (v) =>
        run.mutate(
          { d: dialog, v },
          {
            onSuccess: () => {
              void message.success(doneText(dialog, v));
              setDialog(null);
              refresh();
            },
            onError: (e) => {
              showError(e);
              setDialog(null);
              refresh();
            },
          },
        ),
      () => {
        // the form shows what is missing
      },
    );
  };

  const titles: Record<Kind, [string, string]> = {
    return: [t('ops.returnTitle'), t('ops.returnConfirm')],
    transfer: [t('ops.transferTitle'), t('ops.transferConfirm')],
    delegate: [t('ops.delegateTitle'), t('ops.delegateConfirm')],
    signers: [t('ops.addSignerTitle'), t('ops.addSignerConfirm')],
    copy: [t('ops.copyTitle'), t('ops.copyConfirm')],
    withdraw: [t('ops.withdrawTitle'), t('ops.withdrawConfirm')],
    urge: [t('ops.urgeStep', { step: dialog?.step ?? '' }), t('ops.urgeConfirm')],
    suspend: [t('ops.suspendTitle'), t('ops.suspendConfirm')],
  };

  const fields = () => {
    if (!dialog) return null;
    switch (dialog.kind) {
      case 'return': {
        const options = (targets.data?.nodeIds ?? []).map((id) => ({ value: id, label: stepName(model, id) ?? id }));
        return (
          <>
            <Form.Item name="target" label={t('ops.returnTarget')} rules={[{ required: true, message: t('ops.returnTargetRequired') }]}
              extra={targets.isSuccess && options.length === 0 ? t('ops.returnNoTargets') : undefined}>
              <Select options={options} loading={targets.isPending} aria-required />
            </Form.Item>
            <Form.Item name="opinion" label={t('ops.opinion')} rules={[{ required: true, whitespace: true, message: t('ops.opinionRequired') }]}>
              <Input.TextArea rows={3} maxLength={1000} showCount aria-required />
            </Form.Item>
          </>
        );
      }
      case 'transfer':
      case 'delegate':
        return (
          <>
            <Form.Item name="person" label={t('ops.person')} rules={[{ required: true, message: t('ops.personRequired') }]}>
              <Select options={staffOptions} showSearch={{ optionFilterProp: 'label' }} loading={staff.isPending} aria-required />
            </Form.Item>
            <Form.Item name="reason" label={t('ops.reason')}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </>
        );
      case 'signers':
      case 'copy':
        return (
          <Form.Item name="people" label={t('ops.people')} rules={[{ required: true, message: t('ops.personRequired') }]}>
            <Select mode="multiple" options={staffOptions} showSearch={{ optionFilterProp: 'label' }} loading={staff.isPending} aria-required />
          </Form.Item>
        );
      case 'withdraw':
        return (
          <>
            <p>{t('ops.withdrawHint', { step: dialog.step })}</p>
            <Form.Item name="reason" label={t('ops.reason')}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </>
        );
      case 'urge':
        return (
          <Form.Item name="reason" label={t('ops.urgeMessage')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        );
      case 'suspend':
        return (
          <Form.Item name="reason" label={t('ops.suspendReason')} rules={[{ required: true, whitespace: true, message: t('ops.suspendReasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} aria-required />
          </Form.Item>
        );
    }
  };

  const approverCard =
    isApprover && (myTask || withdrawable) ? (
      <Card key="ops" title={<h2 className="tb-card-title">{t('ops.title')}</h2>}>
        {myTask ? <p>{t('ops.step', { step: myTask.name })}</p> : null}
        <Space wrap>
          {myTask && !suspended ? (
            <>
              <Button onClick={() => open('return', myTask.id, myTask.name)}>{t('ops.return')}</Button>
              <Button onClick={() => open('transfer', myTask.id, myTask.name)}>{t('ops.transfer')}</Button>
              <Button onClick={() => open('delegate', myTask.id, myTask.name)}>{t('ops.delegate')}</Button>
              {myStep?.multiInstance ? <Button onClick={() => open('signers', myTask.id, myTask.name)}>{t('ops.addSigner')}</Button> : null}
              <Button onClick={() => open('copy', myTask.id, myTask.name)}>{t('ops.copy')}</Button>
            </>
          ) : null}
          {withdrawable && !suspended ? (
            <Button onClick={() => open('withdraw', withdrawable.taskId!, stepName(model, withdrawable.nodeId) ?? '')}>{t('ops.withdraw')}</Button>
          ) : null}
        </Space>
        {withdrawable && !suspended ? <p className="tb-hint">{t('ops.withdrawHint', { step: stepName(model, withdrawable.nodeId) ?? '' })}</p> : null}
      </Card>
    ) : null;

  const managerCard = isManager ? (
    <Card key="supervise" title={<h2 className="tb-card-title">{t('ops.managerTitle')}</h2>}>
      <Space wrap>
        {openTasks.length === 0 ? <span>{t('ops.noOpenSteps')}</span> : null}
        {openTasks.map((task) => (
          <Button key={task.id} disabled={suspended} onClick={() => open('urge', task.id, task.name)}>
            {t('ops.urgeStep', { step: openTasks.filter((x) => x.name === task.name).length > 1 ? `${task.name}（${task.departmentName}）` : task.name })}
          </Button>
        ))}
        {suspended ? (
          <Button
            loading={resume.isPending}
            onClick={() =>
              resume.mutate(undefined, {
                onSuccess: () => {
                  void message.success(t('ops.done.resume'));
                  refresh();
                },
                onError: (e) => {
                  showError(e);
                  refresh();
                },
              })
            }
          >
            {t('ops.resume')}
          </Button>
        ) : (
          <Button danger onClick={() => open('suspend', '', '')}>
            {t('ops.suspend')}
          </Button>
        )}
      </Space>
    </Card>
  ) : null;

  return (
    <>
      {approverCard}
      {managerCard}
      <Modal
        open={dialog !== null}
        title={dialog ? titles[dialog.kind][0] : ''}
        okText={dialog ? titles[dialog.kind][1] : ''}
        cancelText={t('ops.cancel')}
        okButtonProps={{ loading: run.isPending, danger: dialog?.kind === 'return' || dialog?.kind === 'suspend' }}
        destroyOnHidden
        onCancel={() => setDialog(null)}
        onOk={submit}
      >
        <Form form={form} name="tb-process-op" layout="vertical" preserve={false}>
          {fields()}
        </Form>
      </Modal>
    </>
  );
}
