// The process operations on a case page in the workbench. The server says
// what the signed-in person may do now on each step (GET /api/cases/:id/operations,
// the engine's rules); this card shows a button for exactly those: 签收 / 退回签收,
// 退回 / 转办 / 委派 / 加签 / 减签 / 抄送 on a step they handle, 委派办结 of a step
// delegated to them, 撤回 of a step they completed while nobody has acted after
// it, and for managers 催办 of open steps and 挂起 / 恢复 of the process. The server
// checks each again; a refusal shows its message and the lists reload.
import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Select, Space } from 'antd';
import type { CaseDetail, User } from '../api';
import { useShowError } from '../ui/errors';
import { operationsKey, processApi, type CaseOperations, type SignerView, type StaffMember } from './api';
import { readModel, stepName } from './model';
import { useCaseProcess, useStaff } from './ProcessSection';
import { useProcessT, type ProcessKey } from './messages';
import './process.css';

type Kind = 'claim' | 'unclaim' | 'return' | 'transfer' | 'delegate' | 'signers' | 'removeSigner' | 'resolve' | 'copy' | 'withdraw' | 'suspend' | 'urge';
interface Dialog {
  kind: Kind;
  taskId: string;
  step: string;
  returnTargets?: string[];
  transferTargets?: string[];
  signers?: SignerView[];
  owner?: string;
}
interface Values {
  target?: string;
  opinion?: string;
  person?: string;
  people?: string[];
  reason?: string;
  signer?: number;
}
type TaskOps = CaseOperations['tasks'][number];

const STAFF_ROLES = new Set(['approver', 'manager', 'agency_head', 'government_head', 'admin']);
/** The buttons of a step the person handles, in this order ('complete' is the decision card's). */
const HANDLER_OPS: [TaskOps['operations'][number], Kind, ProcessKey][] = [
  ['claim', 'claim', 'ops.claim'],
  ['unclaim', 'unclaim', 'ops.unclaim'],
  ['return', 'return', 'ops.return'],
  ['transfer', 'transfer', 'ops.transfer'],
  ['delegate', 'delegate', 'ops.delegate'],
  ['addSigners', 'signers', 'ops.addSigner'],
  ['removeSigner', 'removeSigner', 'ops.removeSigner'],
  ['copy', 'copy', 'ops.copy'],
];

export function useCaseOperations(caseId: string, enabled: boolean) {
  return useQuery({ queryKey: operationsKey(caseId), queryFn: () => processApi.operations(caseId), enabled, staleTime: 0 });
}

export function TaskOperations({ detail, user }: { detail: CaseDetail; user: User }) {
  const t = useProcessT();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const running = detail.status === 'accepted';
  const isStaff = STAFF_ROLES.has(user.role);
  const process = useCaseProcess(detail.id, running && isStaff);
  const ops = useCaseOperations(detail.id, running && isStaff);
  const model = useMemo(() => readModel(process.data?.xml ?? ''), [process.data?.xml]);
  const staff = useStaff(running && isStaff);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['cases'] });
    void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    void queryClient.invalidateQueries({ queryKey: ['copies'] });
  };

  const run = useMutation({
    mutationFn: async ({ d, v }: { d: Dialog; v: Values }) => {
      switch (d.kind) {
        case 'claim':
          return processApi.claim(d.taskId);
        case 'unclaim':
          return processApi.unclaim(d.taskId);
        case 'return':
          return processApi.returnTask(d.taskId, v.target!, v.opinion!.trim());
        case 'transfer':
          return processApi.transfer(d.taskId, v.person!, v.reason?.trim() || undefined);
        case 'delegate':
          return processApi.delegate(d.taskId, v.person!, v.reason?.trim() || undefined);
        case 'signers':
          return processApi.addSigners(d.taskId, v.people!);
        case 'removeSigner':
          return processApi.removeSigner(d.taskId, v.signer!, v.reason!.trim());
        case 'resolve':
          return processApi.resolve(d.taskId, v.opinion!.trim());
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

  if (!running || !process.data || !ops.data) return null;
  const taskName = (task: TaskOps) => task.name ?? stepName(model, task.nodeId) ?? task.nodeId;
  // Two open tasks of one step (a countersign) are told apart by their department.
  const urgeLabel = (task: TaskOps) => {
    const name = taskName(task);
    const twins = ops.data.tasks.filter((x) => x.operations.includes('urge') && taskName(x) === name).length > 1;
    const dept = detail.tasks.find((x) => x.id === task.taskId)?.departmentName;
    return twins && dept ? `${name}（${dept}）` : name;
  };
  const optionsOf = (people: StaffMember[]) =>
    people.filter((s) => s.id !== user.id).map((s) => ({ value: s.id, label: s.departmentName ? t('ops.staffOption', { name: s.displayName, dept: s.departmentName }) : s.displayName }));
  const staffOptions = optionsOf(staff.data ?? []);
  // 转办 stays in the step's department (the server's list); a copy never goes to a supervisor (the server refuses both).
  const transferOptions = (d: Dialog) => optionsOf((staff.data ?? []).filter((s) => d.transferTargets?.includes(s.id)));
  const copyOptions = optionsOf((staff.data ?? []).filter((s) => s.role !== 'supervisor'));

  const open = (d: Dialog) => {
    form.resetFields();
    setDialog(d);
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
    claim: [t('ops.claimTitle'), t('ops.claimConfirm')],
    unclaim: [t('ops.unclaimTitle'), t('ops.unclaimConfirm')],
    return: [t('ops.returnTitle'), t('ops.returnConfirm')],
    transfer: [t('ops.transferTitle'), t('ops.transferConfirm')],
    delegate: [t('ops.delegateTitle'), t('ops.delegateConfirm')],
    signers: [t('ops.addSignerTitle'), t('ops.addSignerConfirm')],
    removeSigner: [t('ops.removeSignerTitle'), t('ops.removeSignerConfirm')],
    resolve: [t('ops.resolveTitle'), t('ops.resolveConfirm')],
    copy: [t('ops.copyTitle'), t('ops.copyConfirm')],
    withdraw: [t('ops.withdrawTitle'), t('ops.withdrawConfirm')],
    urge: [t('ops.urgeStep', { step: dialog?.step ?? '' }), t('ops.urgeConfirm')],
    suspend: [t('ops.suspendTitle'), t('ops.suspendConfirm')],
  };

  const fields = () => {
    if (!dialog) return null;
    switch (dialog.kind) {
      case 'claim':
        return <p>{t('ops.claimHint')}</p>;
      case 'unclaim':
        return <p>{t('ops.unclaimHint')}</p>;
      case 'return': {
        const options = (dialog.returnTargets ?? []).map((id) => ({ value: id, label: stepName(model, id) ?? id }));
        return (
          <>
            <Form.Item name="target" label={t('ops.returnTarget')} rules={[{ required: true, message: t('ops.returnTargetRequired') }]}
              extra={options.length === 0 ? t('ops.returnNoTargets') : undefined}>
              <Select options={options} aria-required />
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
            <Form.Item
              name="person"
              label={t('ops.person')}
              rules={[{ required: true, message: t('ops.personRequired') }]}
              extra={dialog.kind === 'transfer' ? t('ops.transferRule') : undefined}
            >
              <Select
                options={dialog.kind === 'transfer' ? transferOptions(dialog) : staffOptions}
                showSearch={{ optionFilterProp: 'label' }}
                loading={staff.isPending}
                aria-required
              />
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
            <Select mode="multiple" options={dialog.kind === 'copy' ? copyOptions : staffOptions} showSearch={{ optionFilterProp: 'label' }} loading={staff.isPending} aria-required />
          </Form.Item>
        );
      case 'removeSigner':
        return (
          <>
            <p>{t('ops.removeSignerHint')}</p>
            <Form.Item name="signer" label={t('ops.removeSignerWho')} rules={[{ required: true, message: t('ops.personRequired') }]}>
              <Select options={(dialog.signers ?? []).map((s) => ({ value: s.index, label: s.name }))} aria-required />
            </Form.Item>
            <Form.Item name="reason" label={t('ops.removeSignerReason')} rules={[{ required: true, whitespace: true, message: t('ops.reasonRequired') }]}>
              <Input.TextArea rows={2} maxLength={1000} aria-required />
            </Form.Item>
          </>
        );
      case 'resolve':
        return (
          <>
            <p>{t('ops.resolveHint', { owner: dialog.owner ?? '' })}</p>
            <Form.Item name="opinion" label={t('ops.resolveOpinion')} rules={[{ required: true, whitespace: true, message: t('ops.resolveOpinionRequired') }]}>
              <Input.TextArea rows={3} maxLength={1000} showCount aria-required />
            </Form.Item>
          </>
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

  // What this person does on steps (urge is the supervisor's card).
  const handled = ops.data.tasks.filter((task) => task.operations.some((op) => op !== 'urge'));
  const stepBlocks = handled.map((task) => {
    const step = taskName(task);
    const base = { taskId: task.taskId, step };
    if (task.status === 'completed') {
      return (
        <div key={task.taskId} className="tb-proc-op">
          <p className="tb-hint">{t('ops.withdrawHint', { step })}</p>
          <Button onClick={() => open({ kind: 'withdraw', ...base })}>{t('ops.withdraw')}</Button>
        </div>
      );
    }
    if (task.status === 'delegated') {
      return (
        <div key={task.taskId} className="tb-proc-op">
          <p>{t('ops.delegatedStep', { step })}</p>
          {task.ownerName ? <p className="tb-hint">{t('ops.delegatedBy', { name: task.ownerName })}</p> : null}
          {task.operations.includes('resolve') ? (
            <Button type="primary" onClick={() => open({ kind: 'resolve', ...base, owner: task.ownerName ?? '' })}>{t('ops.resolve')}</Button>
          ) : null}
        </div>
      );
    }
    return (
      <div key={task.taskId} className="tb-proc-op">
        <p>{t('ops.step', { step })}</p>
        <Space wrap>
          {HANDLER_OPS.filter(([op]) => task.operations.includes(op)).map(([, kind, label]) => (
            <Button
              key={kind}
              type={kind === 'claim' ? 'primary' : 'default'}
              onClick={() => open({ kind, ...base, returnTargets: task.returnTargets, transferTargets: task.transferTargets, signers: task.removableSigners })}
            >
              {t(label)}
            </Button>
          ))}
        </Space>
      </div>
    );
  });

  const handlerCard =
    stepBlocks.length > 0 ? (
      <Card key="ops" title={<h2 className="tb-card-title">{t('ops.title')}</h2>}>
        <div className="tb-stack">{stepBlocks}</div>
      </Card>
    ) : null;

  const urgeable = ops.data.tasks.filter((task) => task.operations.includes('urge'));
  const supervises = ops.data.suspend || ops.data.resume || urgeable.length > 0;
  const managerCard = supervises ? (
    <Card key="supervise" title={<h2 className="tb-card-title">{t('ops.managerTitle')}</h2>}>
      <Space wrap>
        {urgeable.length === 0 && ops.data.suspend ? <span>{t('ops.noOpenSteps')}</span> : null}
        {urgeable.map((task) => (
          <Button key={task.taskId} onClick={() => open({ kind: 'urge', taskId: task.taskId, step: taskName(task) })}>
            {t('ops.urgeStep', { step: urgeLabel(task) })}
          </Button>
        ))}
        {ops.data.resume ? (
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
        ) : null}
        {ops.data.suspend ? (
          <Button danger onClick={() => open({ kind: 'suspend', taskId: '', step: '' })}>
            {t('ops.suspend')}
          </Button>
        ) : null}
      </Space>
    </Card>
  ) : null;

  return (
    <>
      {handlerCard}
      {managerCard}
      <Modal
        open={dialog !== null}
        title={dialog ? titles[dialog.kind][0] : ''}
        okText={dialog ? titles[dialog.kind][1] : ''}
        cancelText={t('ops.cancel')}
        okButtonProps={{ loading: run.isPending, danger: dialog?.kind === 'return' || dialog?.kind === 'suspend' || dialog?.kind === 'removeSigner' }}
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
