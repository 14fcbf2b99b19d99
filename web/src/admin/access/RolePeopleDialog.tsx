// 角色人员匹配: who holds a role beside their main one, set from the role's page.
import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Modal, Select, Space, Spin, Tag, Typography } from 'antd';
import { api } from '../../api';
import { ErrorAlert, useShowError } from '../../ui/errors';
import { accessApi, type RolePerson, type RoleRecord } from './api';
import { useAccessT } from './messages';

/** 三员分立: the server refuses these duties beside another one, so they are not offered. */
const SEPARATED: readonly string[] = ['admin', 'audit_admin', 'security_admin'];
const mayHold = (p: RolePerson, role: RoleRecord): boolean => p.duty === role.base || (!SEPARATED.includes(p.duty) && !SEPARATED.includes(role.base));

export function RolePeopleDialog({ role, onClose }: { role: RoleRecord | null; onClose: () => void }) {
  const t = useAccessT();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const people = useQuery({ queryKey: ['admin', 'roles', role?.id, 'people'], queryFn: () => accessApi.rolePeople(role!.id), enabled: role !== null, staleTime: 0 });
  const departments = useQuery({ queryKey: ['catalog', 'departments'], queryFn: api.catalog.departments, enabled: role !== null });
  const [chosen, setChosen] = useState<string[]>([]);
  useEffect(() => {
    if (people.data) setChosen(people.data.items.filter((p) => p.holds === 'extra').map((p) => p.id));
  }, [people.data]);
  const deptName = (id: string | null) => (id ? departments.data?.find((d) => d.id === id)?.name ?? '' : '');
  const label = (p: RolePerson) => [p.displayName, p.username, deptName(p.departmentId)].filter(Boolean).join(' · ');
  const save = useMutation({
    mutationFn: () => accessApi.setRolePeople(role!.id, chosen),
    onSuccess: () => {
      void message.success(t('roles.peopleSaved', { name: role!.name }));
      void queryClient.invalidateQueries({ queryKey: ['admin'] });
      onClose();
    },
    onError: showError,
  });
  const main = (people.data?.items ?? []).filter((p) => p.holds === 'main');
  return (
    <Modal
      open={role !== null}
      title={role ? t('roles.peopleTitle', { name: role.name }) : ''}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={save.isPending}
      okButtonProps={{ disabled: !people.data }}
      onCancel={onClose}
      onOk={() => save.mutate()}
      destroyOnHidden
    >
      <p>{t('roles.peopleIntro')}</p>
      {people.isError ? (
        <ErrorAlert error={people.error} onRetry={() => void people.refetch()} />
      ) : !people.data ? (
        <Spin />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text strong>{t('roles.mainHolders')}</Typography.Text>
          <div>
            {main.length === 0 ? t('roles.noMainHolders') : main.map((p) => <Tag key={p.id}>{label(p)}</Tag>)}
          </div>
          <label htmlFor="tb-role-extra-holders">
            <Typography.Text strong>{t('roles.extraHolders')}</Typography.Text>
          </label>
          <Select
            id="tb-role-extra-holders"
            mode="multiple"
            allowClear
            style={{ width: '100%' }}
            optionFilterProp="label"
            value={chosen}
            onChange={setChosen}
            options={people.data.items.filter((p) => p.holds === 'extra' || (p.holds === null && role !== null && mayHold(p, role))).map((p) => ({ value: p.id, label: label(p) }))}
          />
        </Space>
      )}
    </Modal>
  );
}
