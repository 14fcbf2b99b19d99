// 事项目录: the item list with the category tree, status filter and search;
// import and export of the whole catalogue; category management.
import { useMemo, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Dropdown, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag, Tree, TreeSelect } from 'antd';
import type { TableProps } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { ErrorAlert, useShowError } from '../../ui/errors';
import { LinkButton } from '../../ui/LinkButton';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { catalogApi, categoryTree, type AdminItem, type Category, type CategoryInput, type ImportProblem, type ImportResult, type ItemStatus } from './api';
import { useCatalogT } from './messages';
import { ImportProblemTable } from '../../ui/ImportProblemTable';

function CategoryManager({ categories, open, onClose }: { categories: Category[]; open: boolean; onClose: () => void }) {
  const t = useCatalogT();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CategoryInput>();
  const [editing, setEditing] = useState<Category | 'new' | null>(null);
  const tree = useMemo(() => categoryTree(categories), [categories]);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['catalog'] });
  const save = useMutation({
    mutationFn: async (v: CategoryInput): Promise<unknown> => {
      const input = { ...v, parentId: v.parentId ?? null, sortOrder: v.sortOrder ?? 0 };
      return editing && editing !== 'new' ? catalogApi.updateCategory(editing.id, input) : catalogApi.createCategory(input);
    },
    onSuccess: () => { void message.success(t('cat.saved')); setEditing(null); refresh(); },
    onError: showError,
  });
  const remove = useMutation({
    mutationFn: catalogApi.deleteCategory,
    onSuccess: () => { void message.success(t('cat.deleted')); refresh(); },
    onError: showError,
  });
  const byId = new Map(categories.map((c) => [c.id, c]));
  const edit = (c: Category | 'new') => {
    setEditing(c);
    form.setFieldsValue(c === 'new' ? { code: '', name: '', parentId: null, sortOrder: 0 } : c);
  };
  return (
    <Modal open={open} title={t('cat.manage')} onCancel={onClose} footer={null} width={720} destroyOnHidden>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Button icon={<PlusOutlined aria-hidden />} onClick={() => edit('new')}>{t('cat.add')}</Button>
        <Table<Category>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={categories}
          columns={[
            { title: t('cat.code'), dataIndex: 'code' },
            { title: t('cat.name'), dataIndex: 'name' },
            { title: t('cat.parent'), dataIndex: 'parentId', render: (id: string | null) => (id ? byId.get(id)?.name : t('cat.root')) },
            { title: t('cat.sort'), dataIndex: 'sortOrder' },
            {
              title: '', key: 'ops',
              render: (_: unknown, c) => (
                <Space>
                  <Button size="small" onClick={() => edit(c)} aria-label={`${t('cat.edit')} ${c.name}`}>{t('cat.edit')}</Button>
                  <Popconfirm title={t('cat.deleteConfirm', { name: c.name })} onConfirm={() => remove.mutate(c.id)}>
                    <Button size="small" danger aria-label={`${t('cat.delete')} ${c.name}`}>{t('cat.delete')}</Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
        {editing && (
          <Card size="small" title={editing === 'new' ? t('cat.add') : t('cat.edit')}>
            <Form form={form} layout="inline" onFinish={(v) => save.mutate(v)}>
              <Form.Item name="code" label={t('cat.code')} rules={[{ required: true, pattern: /^[A-Za-z0-9_-]{1,32}$/ }]}>
                <Input style={{ width: 120 }} />
              </Form.Item>
              <Form.Item name="name" label={t('cat.name')} rules={[{ required: true, max: 100 }]}>
                <Input style={{ width: 160 }} />
              </Form.Item>
              <Form.Item name="parentId" label={t('cat.parent')}>
                <TreeSelect allowClear treeData={tree} placeholder={t('cat.root')} style={{ width: 160 }} treeDefaultExpandAll />
              </Form.Item>
              <Form.Item name="sortOrder" label={t('cat.sort')}>
                <InputNumber min={0} max={100000} style={{ width: 80 }} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={save.isPending}>{t('cat.save')}</Button>
            </Form>
          </Card>
        )}
      </Space>
    </Modal>
  );
}

export function CatalogPage() {
  const t = useCatalogT();
  useDocumentTitle(t('list.title'));
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [categoryId, setCategoryId] = useState<string | undefined>();
  const [status, setStatus] = useState<ItemStatus | undefined>();
  const [search, setSearch] = useState('');
  const [managing, setManaging] = useState(false);
  const [publishOnImport, setPublishOnImport] = useState(false);
  const [importProblems, setImportProblems] = useState<{ error: ApiError; problems: ImportProblem[] } | null>(null);
  const [importResult, setImportResult] = useState<ImportResult | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const categories = useQuery({ queryKey: ['catalog', 'categories'], queryFn: catalogApi.categories });
  const items = useQuery({ queryKey: ['catalog', 'items', categoryId, status, search], queryFn: () => catalogApi.items({ categoryId, status, q: search || undefined }) });
  const tree = useMemo(() => categoryTree(categories.data ?? []), [categories.data]);
  const importFile = useMutation({
    mutationFn: (file: File) => catalogApi.import(file, publishOnImport),
    onSuccess: (r) => {
      setImportProblems(null);
      setImportResult(r);
      void message.success(t('list.importDone', { cats: r.categoriesCreated, created: r.itemsCreated, drafts: r.draftsSaved, unchanged: r.unchanged, published: r.published }));
      void queryClient.invalidateQueries({ queryKey: ['catalog'] });
    },
    onError: (e) => {
      setImportResult(null);
      const problems = e instanceof ApiError ? ((e.details as { problems?: ImportProblem[] } | undefined)?.problems ?? []) : [];
      setImportProblems({ error: e instanceof ApiError ? e : new ApiError({ code: 'UNKNOWN', message: String(e), status: 0 }), problems });
    },
  });

  const columns: TableProps<AdminItem>['columns'] = [
    { title: t('list.code'), dataIndex: 'code', render: (code: string) => <code>{code}</code> },
    { title: t('list.name'), dataIndex: 'name', render: (name: string, r) => <Link to={`/admin/catalog/items/${r.id}`}>{name}</Link> },
    { title: t('list.department'), dataIndex: 'departmentName', responsive: ['md'] },
    { title: t('list.category'), dataIndex: 'categoryName', responsive: ['lg'] },
    {
      title: t('list.version'), key: 'version',
      render: (_: unknown, r) => (
        <Space size={4} wrap>
          {r.publishedVersion ? <Tag color="green">{t('list.published', { version: r.publishedVersion })}</Tag> : <Tag>{t('list.none')}</Tag>}
          {r.draftVersion && <Tag color="orange">{t('list.draft', { version: r.draftVersion })}</Tag>}
          {r.allowsDeficientAcceptance && <Tag color="blue">{t('list.deficient')}</Tag>}
        </Space>
      ),
    },
    { title: '', key: 'edit', render: (_: unknown, r) => <LinkButton to={`/admin/catalog/items/${r.id}`} size="small" aria-label={`${t('list.edit')} ${r.name}`}>{t('list.edit')}</LinkButton> },
  ];

  return (
    <div className="tb-catalog">
      <h1>{t('list.title')}</h1>
      <p>{t('list.intro')}</p>
      <Space wrap style={{ marginBottom: 12 }}>
        <LinkButton to="/admin/catalog/new" type="primary" icon={<PlusOutlined aria-hidden />}>{t('list.new')}</LinkButton>
        <Dropdown
          menu={{
            items: [
              { key: 'xlsx', label: <a href={catalogApi.exportUrl('xlsx')} download>{t('list.exportXlsx')}</a> },
              { key: 'json', label: <a href={catalogApi.exportUrl('json')} download>{t('list.exportJson')}</a> },
            ],
          }}
        >
          <Button icon={<DownloadOutlined aria-hidden />}>{t('list.export')}</Button>
        </Dropdown>
        <Button icon={<UploadOutlined aria-hidden />} loading={importFile.isPending} onClick={() => fileInput.current?.click()}>{t('list.import')}</Button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          hidden
          aria-label={t('list.import')}
          data-testid="catalog-import-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) importFile.mutate(file);
            e.target.value = '';
          }}
        />
        <Checkbox checked={publishOnImport} onChange={(e) => setPublishOnImport(e.target.checked)}>{t('list.importPublish')}</Checkbox>
        <Button onClick={() => setManaging(true)}>{t('cat.manage')}</Button>
      </Space>
      {importProblems && (
        <Alert
          type="error" showIcon role="alert" style={{ marginBottom: 12 }}
          message={importProblems.error.message}
          description={importProblems.problems.length ? <ImportProblemTable problems={importProblems.problems} /> : undefined}
          closable onClose={() => setImportProblems(null)}
        />
      )}
      {importResult && importResult.warnings.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('list.importWarnings')} description={<ImportProblemTable problems={importResult.warnings} />} />
      )}
      <div className="tb-catalog-layout">
        <Card size="small" title={t('list.categories')} className="tb-catalog-tree">
          <nav aria-label={t('list.categories')}>
            <Tree
              key={categories.data?.length ?? 0}
              blockNode
              defaultExpandAll
              selectedKeys={categoryId ? [categoryId] : []}
              treeData={[{ key: '', title: t('list.allCategories'), children: tree }]}
              onSelect={(keys) => setCategoryId((keys[0] as string) || undefined)}
            />
          </nav>
        </Card>
        <div className="tb-catalog-items">
          <Space wrap style={{ marginBottom: 8 }}>
            <Select<ItemStatus | ''>
              aria-label={t('list.status')}
              value={status ?? ''}
              style={{ width: 140 }}
              onChange={(v) => setStatus(v || undefined)}
              options={[
                { value: '', label: t('list.statusAll') },
                { value: 'published', label: t('list.statusPublished') },
                { value: 'draft', label: t('list.statusDraft') },
                { value: 'unpublished', label: t('list.statusUnpublished') },
              ]}
            />
            <Input.Search aria-label={t('list.search')} placeholder={t('list.search')} allowClear onSearch={setSearch} style={{ width: 240 }} />
          </Space>
          {items.error ? <ErrorAlert error={items.error} onRetry={() => void items.refetch()} /> : (
            <Table<AdminItem> rowKey="id" size="middle" loading={items.isLoading} dataSource={items.data ?? []} columns={columns} locale={{ emptyText: t('list.empty') }} pagination={{ pageSize: 20, hideOnSinglePage: true }} />
          )}
        </div>
      </div>
      <CategoryManager categories={categories.data ?? []} open={managing} onClose={() => setManaging(false)} />
    </div>
  );
}
