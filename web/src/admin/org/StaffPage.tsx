// 人员管理: staff accounts with their center, department, window, role and
// phone. People are deactivated, never deleted; someone holding open steps is
// first handed over (工作交接, the same rule and route as the workbench's
// handover page), then deactivated. Administrators only.
import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Switch, Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import { ErrorAlert, useShowError } from '../../ui/errors';
import { useRoleLabel } from '../../ui/labels';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { processApi } from '../../process/api';
import { orgApi, type Staff, type StaffInput } from './api';
import { accessApi, ROLES_KEY } from '../access/api';
import { useOrgT } from './messages';

const STAFF_KEY = ['admin', 'staff'] as const;

type Values = StaffInput & { username?: string; initialPassword?: string };

export function StaffPage() {
  const t = useOrgT();
  const roleLabel = useRoleLabel();
  useDocumentTitle(t('staff.title'));
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const org = useQuery({ queryKey: ['admin', 'org'], queryFn: orgApi.organisation });
  const staff = useQuery({ queryKey: STAFF_KEY, queryFn: orgApi.staff, staleTime: 0 });
  // 角色管理's records: a person is given one, built on the duty the server stores beside it.
  const roles = useQuery({ queryKey: ROLES_KEY, queryFn: accessApi.roles });
  const roleRecords = (roles.data?.items ?? []).filter((r) => r.base !== 'applicant');
  const roleName = (code: string, base: string) => roleRecords.find((r) => r.code === code)?.name ?? roleLabel(base);
  const [centerFilter, setCenterFilter] = useState<string | null>(null);
  const [editing, setEditing] = useState<Staff | 'new' | null>(null);
  const [leaving, setLeaving] = useState<Staff | null>(null);
  const [form] = Form.useForm<Values>();
  const [handoverForm] = Form.useForm<{ to: string }>();
  const centerId = Form.useWatch('centerId', form);

  const refresh = () => void queryClient.invalidateQueries({ queryKey: STAFF_KEY });
  const save = useMutation({
    mutationFn: (v: Values) => {
      const input: StaffInput = {
        displayName: v.displayName.trim(), role: (roleRecords.find((r) => r.code === v.roleCode)?.base ?? v.role) as StaffInput['role'], roleCode: v.roleCode ?? null, centerId: v.centerId, departmentId: v.departmentId ?? null, windowId: v.windowId ?? null, phone: v.phone?.trim() || null,
        secondFactorRequired: v.secondFactorRequired ?? false, extraRoleCodes: v.extraRoleCodes ?? [],
      };
      return editing && editing !== 'new' ? orgApi.updateStaff(editing.id, input) : orgApi.createStaff({ ...input, username: (v.username ?? '').trim(), initialPassword: v.initialPassword ?? '' });
    },
    onSuccess: () => {
      setEditing(null);
      refresh();
    },
    onError: showError,
  });
  const deactivate = useMutation({
    mutationFn: (p: Staff) => orgApi.deactivate(p.id),
    onSuccess: (p) => {
      void message.success(t('staff.deactivated', { name: p.displayName }));
      refresh();
    },
    onError: showError,
  });
  const resetSecondFactor = useMutation({
    mutationFn: (p: Staff) => orgApi.resetSecondFactor(p.id),
    onSuccess: (p) => {
      void message.success(t('staff.secondFactorResetDone', { name: p.displayName }));
      refresh();
    },
    onError: showError,
  });
  const reactivate = useMutation({
    mutationFn: (p: Staff) => orgApi.reactivate(p.id),
    onSuccess: (p) => {
      void message.success(t('staff.reactivated', { name: p.displayName }));
      refresh();
    },
    onError: showError,
  });
  // Hand over, then deactivate: two commands, each checked by the server (a refused handover deactivates nobody).
  const handOverAndDeactivate = useMutation({
    mutationFn: async ({ person, to }: { person: Staff; to: string }) => {
      await processApi.handover(person.id, to);
      return orgApi.deactivate(person.id);
    },
    onSuccess: (p) => {
      setLeaving(null);
      void message.success(t('staff.deactivated', { name: p.displayName }));
      refresh();
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    },
    onError: (e) => {
      showError(e);
      refresh();
    },
  });
  const targets = useQuery({ queryKey: ['staff', 'handover-targets', leaving?.id], queryFn: () => processApi.handoverTargets(leaving!.id), enabled: leaving !== null, staleTime: 0 });

  const data = org.data;
  const centerName = (id: string | null) => data?.centers.find((c) => c.id === id)?.name ?? '—';
  const deptName = (id: string | null) => (id ? data?.departments.find((d) => d.id === id)?.name ?? '—' : '—');
  const windowName = (id: string | null) => (id ? data?.windows.find((w) => w.id === id)?.name ?? '—' : '—');
  const rows = useMemo(() => (staff.data?.items ?? []).filter((s) => !centerFilter || s.centerId === centerFilter), [staff.data, centerFilter]);

  const open = (p: Staff | 'new') => {
    setEditing(p);
    form.resetFields();
    form.setFieldsValue(
      p === 'new'
        ? { displayName: '', role: 'clerk', roleCode: 'clerk', centerId: centerFilter ?? data?.centers[0]?.id, departmentId: null, windowId: null, phone: null, secondFactorRequired: false, extraRoleCodes: [], username: '', initialPassword: '' }
        : { displayName: p.displayName, role: p.role, roleCode: p.roleCode ?? p.role, centerId: p.centerId ?? undefined, departmentId: p.departmentId, windowId: p.windowId, phone: p.phone, secondFactorRequired: p.secondFactorRequired, extraRoleCodes: p.extraRoleCodes },
    );
  };

  const columns: TableProps<Staff>['columns'] = [
    { title: t('staff.displayName'), dataIndex: 'displayName', key: 'name' },
    { title: t('staff.username'), dataIndex: 'username', key: 'username' },
    {
      title: t('staff.role'), key: 'role',
      render: (_, p) => [roleName(p.roleCode ?? p.role, p.role), ...p.extraRoleCodes.map((c) => roleName(c, c))].join('、'),
    },
    { title: t('staff.center'), key: 'center', render: (_, p) => centerName(p.centerId) },
    { title: t('staff.department'), key: 'dept', render: (_, p) => deptName(p.departmentId) },
    { title: t('staff.window'), key: 'window', render: (_, p) => windowName(p.windowId) },
    { title: t('staff.openSteps'), dataIndex: 'openSteps', key: 'open' },
    {
      title: t('staff.secondFactor'),
      key: 'secondFactor',
      render: (_, p) => (p.secondFactorEnrolled ? t('staff.secondFactorOn') : p.secondFactorRequired ? t('staff.secondFactorPending') : t('staff.secondFactorOff')),
    },
    {
      title: t('staff.status'),
      key: 'status',
      render: (_, p) => (
        <Tag className={`tb-tag ${p.status === 'active' ? 'tb-tag-approved' : 'tb-tag-other'}`} variant="outlined">
          {p.status === 'active' ? t('org.active') : t('org.disabled')}
        </Tag>
      ),
    },
    {
      title: t('org.actions'),
      key: 'actions',
      render: (_, p) => (
        <Space wrap>
          <Button size="small" onClick={() => open(p)}>
            {t('org.edit')}
            <span className="sr-only">{p.displayName}</span>
          </Button>
          {p.secondFactorEnrolled ? (
            <Popconfirm
              title={t('staff.secondFactorResetConfirm', { name: p.displayName })}
              onConfirm={() => resetSecondFactor.mutate(p)}
              okText={t('staff.secondFactorReset')}
              cancelText={t('org.cancel')}
            >
              <Button size="small">
                {t('staff.secondFactorReset')}
                <span className="sr-only">{p.displayName}</span>
              </Button>
            </Popconfirm>
          ) : null}
          {p.status === 'disabled' ? (
            <Button size="small" onClick={() => reactivate.mutate(p)}>
              {t('staff.reactivate')}
              <span className="sr-only">{p.displayName}</span>
            </Button>
          ) : p.openSteps > 0 ? (
            <Button
              size="small"
              danger
              onClick={() => {
                handoverForm.resetFields();
                setLeaving(p);
              }}
            >
              {t('staff.deactivate')}
              <span className="sr-only">{p.displayName}</span>
            </Button>
          ) : (
            <Popconfirm title={t('staff.deactivateConfirm', { name: p.displayName })} onConfirm={() => deactivate.mutate(p)} okText={t('staff.deactivate')} cancelText={t('org.cancel')}>
              <Button size="small" danger>
                {t('staff.deactivate')}
                <span className="sr-only">{p.displayName}</span>
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  const required = [{ required: true, whitespace: true, message: t('org.required') }];
  const targetOptions = (targets.data?.items ?? []).map((p) => ({ value: p.id, label: p.departmentName ? `${p.displayName}（${p.departmentName}）` : p.displayName }));

  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <h1 className="tb-page-title" style={{ margin: 0 }}>
          {t('staff.title')}
        </h1>
        <Button type="primary" onClick={() => open('new')} disabled={!data || data.centers.length === 0}>
          {t('staff.new')}
        </Button>
      </Space>
      <p>{t('staff.intro')}</p>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('staff.filterCenter')}
          style={{ minWidth: 240 }}
          value={centerFilter}
          onChange={setCenterFilter}
          options={[{ value: null, label: t('staff.allCenters') }, ...(data?.centers ?? []).map((c) => ({ value: c.id, label: c.name }))]}
        />
      </Space>
      {staff.isError ? (
        <ErrorAlert error={staff.error} onRetry={() => void staff.refetch()} />
      ) : (
        <Table<Staff> rowKey="id" loading={staff.isPending} dataSource={rows} columns={columns} scroll={{ x: 'max-content' }} locale={{ emptyText: t('staff.empty') }} />
      )}

      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('staff.new') : t('staff.edit')}
        okText={t('org.save')}
        cancelText={t('org.cancel')}
        confirmLoading={save.isPending}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        destroyOnHidden
        forceRender
      >
        <Form<Values> form={form} name="staff" layout="vertical" onFinish={(v) => save.mutate(v)}>
          {editing === 'new' ? (
            <>
              <Form.Item name="username" label={t('staff.username')} rules={[...required, { pattern: /^[A-Za-z0-9_.-]{3,32}$/, message: t('staff.usernameRule') }]} extra={t('staff.usernameRule')}>
                <Input maxLength={32} autoComplete="off" />
              </Form.Item>
              <Form.Item name="initialPassword" label={t('staff.initialPassword')} rules={[...required, { min: 12, message: t('staff.passwordHint') }]} extra={t('staff.passwordHint')}>
                <Input.Password maxLength={128} autoComplete="new-password" />
              </Form.Item>
            </>
          ) : null}
          <Form.Item name="displayName" label={t('staff.displayName')} rules={required}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="roleCode" label={t('staff.role')}>
            <Select showSearch optionFilterProp="label" options={roleRecords.filter((r) => r.enabled).map((r) => ({ value: r.code, label: r.builtin ? r.name : `${r.name}（${roleLabel(r.base)}）` }))} />
          </Form.Item>
          <Form.Item name="extraRoleCodes" label={t('staff.extraRoles')} extra={t('staff.extraRolesHint')}>
            <Select
              mode="multiple"
              allowClear
              optionFilterProp="label"
              options={roleRecords.filter((r) => r.enabled).map((r) => ({ value: r.code, label: r.builtin ? r.name : `${r.name}（${roleLabel(r.base)}）` }))}
            />
          </Form.Item>
          <Form.Item name="centerId" label={t('staff.center')} rules={[{ required: true, message: t('org.required') }]}>
            <Select
              options={(data?.centers ?? []).map((c) => ({ value: c.id, label: c.name }))}
              onChange={() => form.setFieldsValue({ departmentId: null, windowId: null })}
            />
          </Form.Item>
          <Form.Item name="departmentId" label={t('staff.department')}>
            <Select
              options={[{ value: null, label: t('staff.none') }, ...(data?.departments ?? []).filter((d) => d.centerId === centerId && d.enabled).map((d) => ({ value: d.id, label: d.name }))]}
            />
          </Form.Item>
          <Form.Item name="windowId" label={t('staff.window')}>
            <Select options={[{ value: null, label: t('staff.none') }, ...(data?.windows ?? []).filter((w) => w.centerId === centerId && w.enabled).map((w) => ({ value: w.id, label: w.name }))]} />
          </Form.Item>
          <Form.Item name="phone" label={t('staff.phone')} rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('staff.phoneRule') }]}>
            <Input maxLength={11} inputMode="tel" />
          </Form.Item>
          <Form.Item name="secondFactorRequired" label={t('staff.secondFactorRequired')} extra={t('staff.secondFactorRequiredHint')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={leaving !== null}
        title={leaving ? t('staff.handoverTitle', { name: leaving.displayName, n: leaving.openSteps }) : ''}
        okText={t('staff.handoverConfirm')}
        cancelText={t('org.cancel')}
        okButtonProps={{ danger: true, loading: handOverAndDeactivate.isPending }}
        onCancel={() => setLeaving(null)}
        onOk={() =>
          handoverForm.validateFields().then(
            ({ to }) => leaving && handOverAndDeactivate.mutate({ person: leaving, to }),
            () => {
              // the form shows what is missing
            },
          )
        }
        destroyOnHidden
      >
        <p>{t('staff.handoverHint')}</p>
        <Form form={handoverForm} name="handover" layout="vertical" preserve={false}>
          <Form.Item
            name="to"
            label={t('staff.handoverTo')}
            rules={[{ required: true, message: t('staff.handoverToRequired') }]}
            extra={targets.isSuccess && targetOptions.length === 0 ? t('staff.handoverNoTargets') : undefined}
          >
            <Select options={targetOptions} loading={targets.isPending} showSearch={{ optionFilterProp: 'label' }} aria-required />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
