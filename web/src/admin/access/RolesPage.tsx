// 角色管理: role records, each built on a built-in duty; made, renamed,
// ordered, described, disabled and deleted here, bound under 权限管理 and
// given to people under 人员管理 or here (人员匹配), and matched to departments.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Switch, Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import { ErrorAlert, useShowError } from '../../ui/errors';
import { useRoleLabel } from '../../ui/labels';
import { api } from '../../api';
import { RolePeopleDialog } from './RolePeopleDialog';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { accessApi, ROLE_BASES, ROLES_KEY, type RoleBase, type RoleRecord } from './api';
import { useAccessT } from './messages';

interface Values {
  code: string;
  name: string;
  nameEn: string;
  base: RoleBase;
  /** A new role only: the role of the same duty whose bindings it starts with. */
  copyFrom?: string | null;
  sortOrder: number;
  description: string;
  enabled: boolean;
  departmentIds: string[];
}

export function RolesPage() {
  const t = useAccessT();
  const roleLabel = useRoleLabel();
  useDocumentTitle(t('roles.title'));
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const roles = useQuery({ queryKey: ROLES_KEY, queryFn: accessApi.roles, staleTime: 0 });
  const departments = useQuery({ queryKey: ['catalog', 'departments'], queryFn: api.catalog.departments, staleTime: 60_000 });
  const deptName = (id: string) => departments.data?.find((d) => d.id === id)?.name ?? id;
  const [editing, setEditing] = useState<RoleRecord | 'new' | null>(null);
  const [matching, setMatching] = useState<RoleRecord | null>(null);
  const [form] = Form.useForm<Values>();
  const base = Form.useWatch('base', form);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['admin'] });

  const save = useMutation({
    mutationFn: (v: Values) => {
      const input = { name: v.name.trim(), nameEn: v.nameEn?.trim() ?? '', description: v.description?.trim() ?? '', sortOrder: v.sortOrder ?? 0, enabled: v.enabled, departmentIds: v.departmentIds ?? [] };
      return editing && editing !== 'new' ? accessApi.updateRole(editing.id, input) : accessApi.createRole({ ...input, code: v.code.trim(), base: v.base, copyFrom: v.copyFrom ?? null });
    },
    onSuccess: () => {
      setEditing(null);
      void message.success(t('saved'));
      refresh();
    },
    onError: showError,
  });
  const remove = useMutation({
    mutationFn: async (r: RoleRecord) => {
      await accessApi.deleteRole(r.id);
      return r;
    },
    onSuccess: (r) => {
      void message.success(t('roles.deleted', { name: r.name }));
      refresh();
    },
    onError: showError,
  });

  const open = (r: RoleRecord | 'new') => {
    setEditing(r);
    form.resetFields();
    form.setFieldsValue(r === 'new'
      ? { code: '', name: '', nameEn: '', base: 'clerk', sortOrder: 200, description: '', enabled: true, departmentIds: [] }
      : { code: r.code, name: r.name, nameEn: r.nameEn, base: r.base as RoleBase, sortOrder: r.sortOrder, description: r.description, enabled: r.enabled, departmentIds: r.departmentIds });
  };

  const columns: TableProps<RoleRecord>['columns'] = [
    { title: t('roles.sortOrder'), dataIndex: 'sortOrder', key: 'sortOrder' },
    { title: t('roles.name'), dataIndex: 'name', key: 'name' },
    { title: t('roles.code'), dataIndex: 'code', key: 'code' },
    { title: t('roles.base'), key: 'base', render: (_, r) => roleLabel(r.base) },
    { title: t('roles.kind'), key: 'kind', render: (_, r) => (r.builtin ? t('roles.builtin') : t('roles.custom')) },
    { title: t('roles.people'), dataIndex: 'people', key: 'people' },
    {
      title: t('roles.departments'), key: 'departments',
      render: (_, r) => (r.departmentIds.length === 0 ? t('roles.allDepartments') : r.departmentIds.map(deptName).join('、')),
    },
    {
      title: t('roles.status'), key: 'status',
      render: (_, r) => <Tag className={`tb-tag ${r.enabled ? 'tb-tag-approved' : 'tb-tag-other'}`} variant="outlined">{r.enabled ? t('roles.on') : t('roles.off')}</Tag>,
    },
    { title: t('roles.description'), dataIndex: 'description', key: 'description' },
    {
      title: t('actions'), key: 'actions',
      render: (_, r) => (
        <Space wrap>
          <Button size="small" onClick={() => open(r)}>
            {t('editAction')}
            <span className="sr-only">{r.name}</span>
          </Button>
          <Button size="small" onClick={() => setMatching(r)}>
            {t('roles.peopleAction')}
            <span className="sr-only">{r.name}</span>
          </Button>
          {r.builtin ? null : (
            <Popconfirm title={t('roles.deleteConfirm', { name: r.name })} onConfirm={() => remove.mutate(r)} okText={t('res.delete')} cancelText={t('cancel')}>
              <Button size="small" danger>
                {t('res.delete')}
                <span className="sr-only">{r.name}</span>
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  const builtin = editing !== null && editing !== 'new' && editing.builtin;
  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <h1 className="tb-page-title" style={{ margin: 0 }}>{t('roles.title')}</h1>
        <Button type="primary" onClick={() => open('new')}>{t('roles.new')}</Button>
      </Space>
      <p>{t('roles.intro')}</p>
      {roles.isError ? (
        <ErrorAlert error={roles.error} onRetry={() => void roles.refetch()} />
      ) : (
        <Table<RoleRecord> rowKey="id" loading={roles.isPending} dataSource={roles.data?.items ?? []} columns={columns} scroll={{ x: 'max-content' }} pagination={false} locale={{ emptyText: t('roles.empty') }} />
      )}
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('roles.new') : t('roles.edit')}
        okText={t('save')}
        cancelText={t('cancel')}
        confirmLoading={save.isPending}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        destroyOnHidden
        forceRender
      >
        <Form<Values> form={form} name="role" layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Form.Item name="code" label={t('roles.code')} extra={t('roles.codeRule')} rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,39}$/, message: t('roles.codeRule') }]}>
            <Input maxLength={40} disabled={editing !== 'new'} />
          </Form.Item>
          <Form.Item name="name" label={t('roles.name')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="nameEn" label={t('roles.nameEn')}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="base" label={t('roles.base')}>
            <Select disabled={editing !== 'new'} options={ROLE_BASES.map((b) => ({ value: b, label: roleLabel(b) }))} onChange={() => form.setFieldValue('copyFrom', null)} />
          </Form.Item>
          {editing === 'new' && (
            <Form.Item name="copyFrom" label={t('roles.copyFrom')} extra={t('roles.copyFromHelp')}>
              <Select
                allowClear
                placeholder={t('roles.copyFromNone')}
                options={(roles.data?.items ?? []).filter((r) => r.base === base && r.enabled).map((r) => ({ value: r.code, label: r.name }))}
              />
            </Form.Item>
          )}
          <Form.Item name="departmentIds" label={t('roles.departments')} extra={t('roles.departmentsHelp')}>
            <Select
              mode="multiple"
              allowClear
              optionFilterProp="label"
              placeholder={t('roles.allDepartments')}
              options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
            />
          </Form.Item>
          <Form.Item name="sortOrder" label={t('roles.sortOrder')}>
            <InputNumber min={0} max={100000} />
          </Form.Item>
          <Form.Item name="description" label={t('roles.description')}>
            <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
          </Form.Item>
          <Form.Item name="enabled" label={t('roles.enabled')} valuePropName="checked">
            <Switch disabled={builtin} />
          </Form.Item>
        </Form>
      </Modal>
      <RolePeopleDialog role={matching} onClose={() => setMatching(null)} />
    </Card>
  );
}
