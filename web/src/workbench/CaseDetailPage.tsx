// A case in the workbench: its record, and the action the signed-in staff
// member may take on it now (受理 / 不予受理 for clerks, 准予 / 不予 for approvers).
import { useState, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Space, Spin } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useParams, useSearchParams } from 'react-router';
import { api, ApiError, type CaseDetail, type TaskOutcome, type User } from '../api';
import { useI18n } from '../i18n';
import { useMe } from '../ui/auth';
import { CaseView } from '../ui/CaseView';
import { LoadError, useShowError } from '../ui/errors';
import { LinkButton } from '../ui/LinkButton';
import { canPause, ExtensionAction, extensionRole, PauseActions, SupplementNoticeButton } from './ClockActions';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { ProcessSection } from '../process/ProcessSection';
import { TaskOperations, useCaseOperations } from '../process/TaskOperations';
import { ChecklistCard, useChecklist, WindowOutcomes } from './intake/IntakeCards';
import { NoticesCard } from '../ui/NoticesCard';

/** Handles an action failure: always show the server's message; on a state conflict reload the case. */
function useActionError(caseId: string) {
  const showError = useShowError();
  const queryClient = useQueryClient();
  return (error: unknown) => {
    showError(error);
    if (error instanceof ApiError && (error.code === 'CASE_STATE_CONFLICT' || error.code === 'TASK_STATE_CONFLICT' || error.status === 409)) {
      void queryClient.invalidateQueries({ queryKey: ['cases', 'detail', caseId] });
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    }
  };
}

function useCaseUpdated(caseId: string) {
  const queryClient = useQueryClient();
  return (detail: CaseDetail) => {
    queryClient.setQueryData(['cases', 'detail', caseId], detail);
    void queryClient.invalidateQueries({ queryKey: ['cases'], predicate: (q) => q.queryKey[1] !== 'detail' });
    void queryClient.invalidateQueries({ queryKey: ['tasks'] });
  };
}

function IntakeActions({ detail }: { detail: CaseDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const onError = useActionError(detail.id);
  const onUpdated = useCaseUpdated(detail.id);
  const [refusing, setRefusing] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const accept = useMutation({ mutationFn: () => api.cases.accept(detail.id) });
  const refuse = useMutation({ mutationFn: (reason: string) => api.cases.refuse(detail.id, reason) });
  const busy = accept.isPending || refuse.isPending;
  // 一次性告知 drafted from the material checklist's missing and irregular materials.
  const checklist = useChecklist(detail.id);

  return (
    <Card title={<h2 className="tb-card-title">{t('wb.intakeActions')}</h2>}>
      <p>{t('wb.intakeHint')}</p>
      <Space wrap>
        <Button
          type="primary"
          icon={<CheckOutlined aria-hidden />}
          loading={accept.isPending}
          disabled={busy}
          onClick={() =>
            accept.mutate(undefined, {
              onSuccess: (d) => {
                onUpdated(d);
                void message.success(t('wb.accepted', { caseNo: d.caseNo }));
              },
              onError,
            })
          }
        >
          {t('wb.accept')}
        </Button>
        <Button danger icon={<CloseOutlined aria-hidden />} disabled={busy} onClick={() => setRefusing(true)}>
          {t('wb.refuse')}
        </Button>
        {!detail.supplementNotice && detail.clock?.notice?.state !== 'deemed_accepted' ? (
          <SupplementNoticeButton detail={detail} handlers={{ onUpdated, onError }} disabled={busy} prefill={checklist.data?.noticeDraft} />
        ) : null}
      </Space>
      {!detail.supplementNotice && detail.clock?.notice?.state === 'open' ? <p className="tb-hint">{t('notice.hintOnCard')}</p> : null}
      <Modal
        open={refusing}
        title={t('wb.refuseTitle')}
        okText={t('wb.refuseConfirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true, loading: refuse.isPending }}
        destroyOnHidden
        onCancel={() => setRefusing(false)}
        onOk={() => {
          form
            .validateFields()
            .then(({ reason }) =>
              refuse.mutate(reason.trim(), {
                onSuccess: (d) => {
                  setRefusing(false);
                  onUpdated(d);
                  void message.success(t('wb.refused', { caseNo: d.caseNo }));
                },
                onError: (e) => {
                  setRefusing(false);
                  onError(e);
                },
              }),
            )
            .catch(() => {
              // the form shows what is missing
            });
        }}
      >
        <Form form={form} layout="vertical" preserve={false}>
          <p>{t('wb.refuseHint')}</p>
          <Form.Item name="reason" label={t('wb.refuseReason')} rules={[{ required: true, whitespace: true, message: t('wb.refuseReasonRequired') }]}>
            <Input.TextArea rows={4} maxLength={1000} showCount autoFocus aria-required />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

function ApprovalActions({ detail, taskId }: { detail: CaseDetail; taskId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const onError = useActionError(detail.id);
  const onUpdated = useCaseUpdated(detail.id);
  const [form] = Form.useForm<{ opinion: string }>();
  const complete = useMutation({
    mutationFn: ({ outcome, opinion }: { outcome: TaskOutcome; opinion: string }) => api.tasks.complete(taskId, outcome, opinion),
  });
  const [pendingOutcome, setPendingOutcome] = useState<TaskOutcome | null>(null);

  const decide = (outcome: TaskOutcome) => {
    form.validateFields().then(({ opinion }) => {
      setPendingOutcome(outcome);
      complete.mutate(
        { outcome, opinion: opinion.trim() },
        {
          onSuccess: (d) => {
            onUpdated(d);
            void message.success(t(outcome === 'approved' ? 'wb.approvedDone' : 'wb.deniedDone', { caseNo: d.caseNo }));
          },
          onError,
          onSettled: () => setPendingOutcome(null),
        },
      );
    }, () => {
      // the form shows what is missing
    });
  };

  return (
    <Card title={<h2 className="tb-card-title">{t('wb.approvalActions')}</h2>}>
      <Form form={form} layout="vertical">
        <Form.Item name="opinion" label={t('wb.opinion')} rules={[{ required: true, whitespace: true, message: t('wb.opinionRequired') }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount aria-required />
        </Form.Item>
        <Space wrap>
          <Button
            type="primary"
            icon={<CheckOutlined aria-hidden />}
            loading={pendingOutcome === 'approved'}
            disabled={complete.isPending}
            onClick={() => decide('approved')}
          >
            {t('wb.approve')}
          </Button>
          <Button
            danger
            icon={<CloseOutlined aria-hidden />}
            loading={pendingOutcome === 'denied'}
            disabled={complete.isPending}
            onClick={() => decide('denied')}
          >
            {t('wb.deny')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}

function openTaskFor(detail: CaseDetail, user: User, wanted: string | null, completable: ReadonlySet<string>) {
  // Only steps the server says this person may decide now (not one claimed by a colleague, delegated or transferred away).
  const open = detail.tasks.filter((task) => task.status === 'open' && completable.has(task.id));
  const mine = open.filter((task) => !user.departmentName || task.departmentName === user.departmentName);
  // The step named in the to-do link is theirs even from another department (转办 to them).
  return open.find((task) => task.id === wanted) ?? mine[0] ?? null;
}

export function CaseDetailPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const { t } = useI18n();
  const me = useMe();
  const detail = useQuery({ queryKey: ['cases', 'detail', id], queryFn: () => api.cases.get(id) });
  useDocumentTitle(detail.data ? `${t('case.detailTitle')} ${detail.data.caseNo}` : t('case.detailTitle'));
  const user = me.data;
  // Approvers and agency heads decide their department's steps (the server's STEP_DECIDER_ROLES).
  const decides = user?.role === 'approver' || user?.role === 'agency_head';
  const ops = useCaseOperations(id, decides && detail.data?.status === 'accepted');
  const completable = new Set((ops.data?.tasks ?? []).filter((x) => x.operations.includes('complete')).map((x) => x.taskId));

  const headRole = user ? extensionRole(user) : null;
  // Art. 42: the agency head extends single-department items, the government head joint ones.
  const item = useQuery({
    queryKey: ['catalog', 'item', detail.data?.itemId],
    queryFn: () => api.catalog.item(detail.data!.itemId),
    enabled: Boolean(headRole && detail.data),
    staleTime: 5 * 60_000,
  });
  const onError = useActionError(id);
  const onUpdated = useCaseUpdated(id);
  const actionCards: ReactNode[] = [];
  if (detail.data && user) {
    const d = detail.data;
    if (user.role === 'clerk' && d.status === 'submitted') actionCards.push(<IntakeActions key="intake" detail={d} />);
    if (user.role === 'clerk' && d.status === 'submitted') actionCards.push(<WindowOutcomes key="window" detail={d} />);
    if (user.role === 'clerk' && d.status === 'supplement_requested') {
      actionCards.push(<Alert key="waiting" type="info" showIcon title={t('notice.waiting')} />);
    }
    const task = decides && d.status === 'accepted' ? openTaskFor(d, user, params.get('task'), completable) : null;
    // 申请人/受理人回避: say why no decision is offered (the server refuses one too).
    if (ops.data?.recused) actionCards.push(<Alert key="recused" type="warning" showIcon title={t('task.recusedHelp')} />);
    if (task) actionCards.push(<ApprovalActions key={task.id} detail={d} taskId={task.id} />);
    if (d.status === 'accepted' && ['approver', 'agency_head', 'manager', 'admin'].includes(user.role)) actionCards.push(<TaskOperations key="process-ops" detail={d} user={user} />);
    if (canPause(user, d)) actionCards.push(<PauseActions key="pause" detail={d} handlers={{ onUpdated, onError }} />);
    const role = headRole && item.data && (item.data.itemType === 'joint') === (headRole === 'government_head') ? headRole : null;
    if (role && d.status === 'accepted') actionCards.push(<ExtensionAction key="extend" detail={d} role={role} handlers={{ onUpdated, onError }} />);
  }
  const actions = actionCards.length > 0 ? <>{actionCards}</> : null;

  const back =
    user?.role === 'approver'
      ? { to: '/workbench/tasks', label: t('wb.backToTasks') }
      : user?.role === 'clerk'
        ? { to: '/workbench/intake', label: t('wb.backToIntake') }
        : { to: '/workbench/cases', label: t('wb.backToCases') };

  return (
    <div className="tb-stack">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <h1 className="tb-page-title" style={{ margin: 0 }}>
          {t('case.detailTitle')}
          {detail.data ? ` ${detail.data.caseNo}` : ''}
        </h1>
        <LinkButton to={back.to}>{back.label}</LinkButton>
      </Space>
      {detail.isPending ? (
        <Spin />
      ) : detail.isError ? (
        <LoadError error={detail.error} onRetry={() => void detail.refetch()} back={back} />
      ) : (
        <CaseView
          detail={detail.data}
          audience="staff"
          actions={
            actions ??
            (detail.data.status === 'submitted' || detail.data.status === 'accepted' ? (
              <Alert type="info" showIcon title={t('wb.noActionForYou')} />
            ) : null)
          }
        />
      )}
      {detail.data && user && ['clerk', 'manager', 'admin', 'approver'].includes(user.role) ? <ChecklistCard detail={detail.data} /> : null}
      {detail.data ? <NoticesCard detail={detail.data} /> : null}
      {detail.data && detail.data.acceptedAt && detail.data.hasProcess !== false ? <ProcessSection caseId={detail.data.id} audience="staff" /> : null}
    </div>
  );
}
