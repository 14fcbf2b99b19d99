// 组织机构: the tree of service centers (市 → 县/区 → 乡镇/街道) and, for the
// chosen center, its departments and windows (number, name, hall position,
// the items each takes in). Administrators only; the server checks every rule
// (levels, cycles, codes, which items a window may take in) and answers with a code.
import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Empty, Form, Input, InputNumber, Modal, Row, Select, Space, Switch, Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import { ErrorAlert, useShowError } from '../../ui/errors';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { CENTER_LEVELS, orgApi, type Center, type CenterInput, type CenterLevel, type Department, type DepartmentInput, type Organisation, type ServiceWindow, type WindowInput } from './api';
import { useOrgT } from './messages';
import { OrgImport } from './OrgImport';
import './org.css';

const ORG_KEY = ['admin', 'org'] as const;

type Editing<T> = { id: string | null; values: T } | null;

const levelBelow = (level: CenterLevel): CenterLevel | null => CENTER_LEVELS[CENTER_LEVELS.indexOf(level) + 1] ?? null;

/** The centers above `id`, nearest first, and `id` itself. */
function lineage(org: Organisation, id: string): string[] {
  const byId = new Map(org.centers.map((c) => [c.id, c]));
  const out: string[] = [];
  for (let c = byId.get(id); c && !out.includes(c.id); c = c.parentId ? byId.get(c.parentId) : undefined) out.push(c.id);
  return out;
}

function StatusTag({ enabled }: { enabled: boolean }) {
  const t = useOrgT();
  return (
    <Tag className={`tb-tag ${enabled ? 'tb-tag-approved' : 'tb-tag-other'}`} variant="outlined">
      {enabled ? t('org.active') : t('org.disabled')}
    </Tag>
  );
}

function CenterTree({ org, parentId, selected, onSelect }: { org: Organisation; parentId: string | null; selected: string | null; onSelect: (id: string) => void }) {
  const t = useOrgT();
  const ids = new Set(org.centers.map((c) => c.id));
  // A center whose parent is unknown shows at the top, so nothing is ever out of reach.
  const children = org.centers.filter((c) => (parentId === null ? c.parentId === null || !ids.has(c.parentId) : c.parentId === parentId));
  if (children.length === 0) return null;
  return (
    <ul className="tb-org-tree">
      {children.map((c) => (
        <li key={c.id}>
          <Button type={c.id === selected ? 'primary' : 'text'} size="small" aria-current={c.id === selected ? 'true' : undefined} onClick={() => onSelect(c.id)}>
            {c.name}
          </Button>{' '}
          <span className="tb-hint">{t(`level.${c.level}`)}</span>
          <CenterTree org={org} parentId={c.id} selected={selected} onSelect={onSelect} />
        </li>
      ))}
    </ul>
  );
}

export function OrgPage() {
  const t = useOrgT();
  useDocumentTitle(t('org.title'));
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const org = useQuery({ queryKey: ORG_KEY, queryFn: orgApi.organisation });
  const items = useQuery({ queryKey: ['items', 'all'], queryFn: orgApi.items });
  const [chosen, setChosen] = useState<string | null>(null);
  const [center, setCenter] = useState<Editing<CenterInput>>(null);
  const [department, setDepartment] = useState<Editing<DepartmentInput>>(null);
  const [win, setWin] = useState<Editing<WindowInput>>(null);
  const [centerForm] = Form.useForm<CenterInput>();
  const [departmentForm] = Form.useForm<DepartmentInput>();
  const [windowForm] = Form.useForm<WindowInput>();

  const data = org.data;
  const selected = data?.centers.find((c) => c.id === chosen) ?? data?.centers.find((c) => c.parentId === null) ?? null;
  const saved = () => {
    void message.success(t('org.saved'));
    void queryClient.invalidateQueries({ queryKey: ORG_KEY });
  };
  const saveCenter = useMutation({
    mutationFn: ({ id, values }: { id: string | null; values: CenterInput }) => orgApi.saveCenter(id, values),
    onSuccess: (c) => {
      setCenter(null);
      setChosen(c.id);
      saved();
    },
    onError: showError,
  });
  const saveDepartment = useMutation({
    mutationFn: ({ id, values }: { id: string | null; values: DepartmentInput }) => orgApi.saveDepartment(id, values),
    onSuccess: () => {
      setDepartment(null);
      saved();
    },
    onError: showError,
  });
  const saveWindow = useMutation({
    mutationFn: ({ id, values }: { id: string | null; values: WindowInput }) => orgApi.saveWindow(id, values),
    onSuccess: () => {
      setWin(null);
      saved();
    },
    onError: showError,
  });

  const openCenter = (id: string | null, values: CenterInput) => {
    setCenter({ id, values });
    centerForm.setFieldsValue(values);
  };
  const openDepartment = (id: string | null, values: DepartmentInput) => {
    setDepartment({ id, values });
    departmentForm.setFieldsValue(values);
  };
  const openWindow = (id: string | null, values: WindowInput) => {
    setWin({ id, values });
    windowForm.setFieldsValue(values);
  };

  const departments = useMemo(() => (data && selected ? data.departments.filter((d) => d.centerId === selected.id) : []), [data, selected]);
  const windows = useMemo(() => (data && selected ? data.windows.filter((w) => w.centerId === selected.id) : []), [data, selected]);
  const deptName = (id: string | null) => (id ? data?.departments.find((d) => d.id === id)?.name ?? '—' : '—');
  // A window takes in items of its own center's departments and of the centers above.
  const itemOptions = useMemo(() => {
    if (!data || !selected) return [];
    const reach = new Set(lineage(data, selected.id));
    const depts = new Set(data.departments.filter((d) => reach.has(d.centerId)).map((d) => d.id));
    return (items.data ?? []).filter((i) => depts.has(i.departmentId)).map((i) => ({ value: i.id, label: `${i.name}（${i.departmentName}）` }));
  }, [data, selected, items.data]);

  const departmentColumns: TableProps<Department>['columns'] = [
    { title: t('org.code'), dataIndex: 'code', key: 'code' },
    { title: t('org.name'), dataIndex: 'name', key: 'name' },
    { title: t('org.parentDepartment'), key: 'parent', render: (_, d) => deptName(d.parentId) },
    { title: t('org.status'), key: 'status', render: (_, d) => <StatusTag enabled={d.enabled} /> },
    {
      title: t('org.actions'),
      key: 'actions',
      render: (_, d) => (
        <Button size="small" onClick={() => openDepartment(d.id, { centerId: d.centerId, code: d.code, name: d.name, parentId: d.parentId, sortOrder: d.sortOrder, enabled: d.enabled })}>
          {t('org.edit')}
          <span className="sr-only">{d.name}</span>
        </Button>
      ),
    },
  ];
  const windowColumns: TableProps<ServiceWindow>['columns'] = [
    { title: t('org.windowCode'), dataIndex: 'code', key: 'code' },
    { title: t('org.name'), dataIndex: 'name', key: 'name' },
    { title: t('org.hallPosition'), dataIndex: 'hallPosition', key: 'hall', render: (v: string) => v || '—' },
    { title: t('org.windowDepartment'), key: 'dept', render: (_, w) => (w.departmentId ? deptName(w.departmentId) : t('org.comprehensive')) },
    { title: t('org.items'), key: 'items', render: (_, w) => t('org.itemCount', { n: w.itemIds.length }) },
    { title: t('org.status'), key: 'status', render: (_, w) => <StatusTag enabled={w.enabled} /> },
    {
      title: t('org.actions'),
      key: 'actions',
      render: (_, w) => (
        <Button size="small" onClick={() => openWindow(w.id, { centerId: w.centerId, code: w.code, name: w.name, departmentId: w.departmentId, hallPosition: w.hallPosition, phone: w.phone, itemIds: w.itemIds, enabled: w.enabled })}>
          {t('org.edit')}
          <span className="sr-only">{w.name}</span>
        </Button>
      ),
    },
  ];

  const blankCenter = (parent: Center | null): CenterInput => ({
    code: '', name: '', level: parent ? (levelBelow(parent.level) ?? 'township') : 'city', parentId: parent?.id ?? null, phone: null, address: null, sortOrder: 0,
  });
  const required = [{ required: true, whitespace: true, message: t('org.required') }];

  return (
    <Card>
      <h1 className="tb-page-title">{t('org.title')}</h1>
      <p>{t('org.intro')}</p>
      <div style={{ marginBottom: 16 }}><OrgImport /></div>
      {org.isError ? <ErrorAlert error={org.error} onRetry={() => void org.refetch()} /> : null}
      {data ? (
        <Row gutter={[24, 16]}>
          <Col xs={24} md={8}>
            <nav aria-label={t('org.tree')}>
              <h2 className="tb-org-heading">{t('org.tree')}</h2>
              {data.centers.length === 0 ? <p>{t('org.none')}</p> : <CenterTree org={data} parentId={null} selected={selected?.id ?? null} onSelect={setChosen} />}
              <Button onClick={() => openCenter(null, blankCenter(null))}>{t('org.newRoot')}</Button>
            </nav>
          </Col>
          <Col xs={24} md={16}>
            {selected ? (
              <div className="tb-stack">
                <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
                  <h2 className="tb-org-heading" style={{ margin: 0 }}>
                    {selected.name} <span className="tb-hint">{t(`level.${selected.level}`)} · {selected.code}</span>
                  </h2>
                  <Space wrap>
                    <Button onClick={() => openCenter(selected.id, { code: selected.code, name: selected.name, level: selected.level, parentId: selected.parentId, phone: selected.phone, address: selected.address, sortOrder: selected.sortOrder })}>
                      {t('org.editCenter')}
                    </Button>
                    {levelBelow(selected.level) ? <Button onClick={() => openCenter(null, blankCenter(selected))}>{t('org.newChild')}</Button> : null}
                  </Space>
                </Space>
                <section aria-labelledby="org-departments">
                  <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
                    <h3 id="org-departments" className="tb-org-heading">{t('org.departments')}</h3>
                    <Button type="primary" onClick={() => openDepartment(null, { centerId: selected.id, code: '', name: '', parentId: null, sortOrder: departments.length, enabled: true })}>
                      {t('org.newDepartment')}
                    </Button>
                  </Space>
                  <Table<Department> rowKey="id" size="small" dataSource={departments} columns={departmentColumns} pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: t('org.emptyDepartments') }} />
                </section>
                <section aria-labelledby="org-windows">
                  <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
                    <h3 id="org-windows" className="tb-org-heading">{t('org.windows')}</h3>
                    <Button type="primary" onClick={() => openWindow(null, { centerId: selected.id, code: '', name: '', departmentId: null, hallPosition: '', phone: null, itemIds: [], enabled: true })}>
                      {t('org.newWindow')}
                    </Button>
                  </Space>
                  <Table<ServiceWindow> rowKey="id" size="small" dataSource={windows} columns={windowColumns} pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: t('org.emptyWindows') }} />
                </section>
              </div>
            ) : (
              <Empty description={t('org.pick')} />
            )}
          </Col>
        </Row>
      ) : null}

      <Modal
        open={center !== null}
        title={center?.id ? t('org.editCenter') : center?.values.parentId ? t('org.newChild') : t('org.newRoot')}
        okText={t('org.save')}
        cancelText={t('org.cancel')}
        confirmLoading={saveCenter.isPending}
        onCancel={() => setCenter(null)}
        onOk={() => centerForm.submit()}
        destroyOnHidden
        forceRender
      >
        <Form<CenterInput> form={centerForm} name="center" layout="vertical" onFinish={(v) => center && saveCenter.mutate({ id: center.id, values: { ...center.values, ...v, phone: v.phone || null, address: v.address || null } })}>
          <Form.Item name="name" label={t('org.name')} rules={required}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="code" label={t('org.code')} rules={[...required, { pattern: /^[A-Z0-9-]{2,32}$/, message: t('org.codeRule') }]} extra={t('org.codeRule')}>
            <Input maxLength={32} />
          </Form.Item>
          <Form.Item name="level" label={t('org.level')}>
            <Select options={CENTER_LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))} />
          </Form.Item>
          <Form.Item name="parentId" label={t('org.parent')}>
            <Select
              options={[{ value: null, label: t('org.noParent') }, ...(data?.centers ?? []).filter((c) => c.id !== center?.id).map((c) => ({ value: c.id, label: `${c.name}（${t(`level.${c.level}`)}）` }))]}
            />
          </Form.Item>
          <Form.Item name="phone" label={t('org.phone')}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="address" label={t('org.address')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="sortOrder" label={t('org.sortOrder')}>
            <InputNumber min={0} max={9999} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={department !== null}
        title={department?.id ? t('org.editDepartment') : t('org.newDepartment')}
        okText={t('org.save')}
        cancelText={t('org.cancel')}
        confirmLoading={saveDepartment.isPending}
        onCancel={() => setDepartment(null)}
        onOk={() => departmentForm.submit()}
        destroyOnHidden
        forceRender
      >
        <Form<DepartmentInput> form={departmentForm} name="department" layout="vertical" onFinish={(v) => department && saveDepartment.mutate({ id: department.id, values: { ...department.values, ...v } })}>
          <Form.Item name="name" label={t('org.name')} rules={required}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="code" label={t('org.code')} rules={[...required, { pattern: /^[A-Z]{2,8}$/, message: t('org.deptCodeRule') }]} extra={t('org.deptCodeRule')}>
            <Input maxLength={8} />
          </Form.Item>
          <Form.Item name="parentId" label={t('org.parentDepartment')}>
            <Select options={[{ value: null, label: t('org.noParentDepartment') }, ...departments.filter((d) => d.id !== department?.id).map((d) => ({ value: d.id, label: d.name }))]} />
          </Form.Item>
          <Form.Item name="sortOrder" label={t('org.sortOrder')}>
            <InputNumber min={0} max={9999} />
          </Form.Item>
          <Form.Item name="enabled" label={t('org.enabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={win !== null}
        title={win?.id ? t('org.editWindow') : t('org.newWindow')}
        okText={t('org.save')}
        cancelText={t('org.cancel')}
        confirmLoading={saveWindow.isPending}
        onCancel={() => setWin(null)}
        onOk={() => windowForm.submit()}
        width={680}
        destroyOnHidden
        forceRender
      >
        <Form<WindowInput> form={windowForm} name="window" layout="vertical" onFinish={(v) => win && saveWindow.mutate({ id: win.id, values: { ...win.values, ...v, hallPosition: v.hallPosition ?? '', phone: v.phone || null, itemIds: v.itemIds ?? [] } })}>
          <Form.Item name="code" label={t('org.windowCode')} rules={[...required, { pattern: /^[A-Za-z0-9-]{1,16}$/, message: t('org.windowCodeRule') }]} extra={t('org.windowCodeRule')}>
            <Input maxLength={16} />
          </Form.Item>
          <Form.Item name="name" label={t('org.name')} rules={required}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="hallPosition" label={t('org.hallPosition')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="departmentId" label={t('org.windowDepartment')}>
            <Select options={[{ value: null, label: t('org.comprehensive') }, ...departments.map((d) => ({ value: d.id, label: d.name }))]} />
          </Form.Item>
          <Form.Item name="itemIds" label={t('org.items')} extra={t('org.itemsHint')}>
            <Select mode="multiple" options={itemOptions} loading={items.isPending} showSearch={{ optionFilterProp: 'label' }} maxTagCount="responsive" />
          </Form.Item>
          <Form.Item name="phone" label={t('org.phone')}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="enabled" label={t('org.enabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
