// 政务公开管理: administrators write news and disclosures; managers read them.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, DatePicker, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../i18n';
import { useMe } from '../../ui/auth';
import { ErrorAlert, useShowError } from '../../ui/errors';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { portalApi, type AdminArticle, type ArticleCategory } from '../../portal/api';
import { Markdown } from '../../portal/Markdown';
import { usePortalT } from '../../portal/messages';

interface Values {
  category: ArticleCategory;
  title: string;
  body: string;
  pinned: boolean;
  publishedAt: Dayjs | null;
}

function stateOf(a: AdminArticle, now: number): 'draft' | 'scheduled' | 'published' {
  if (!a.publishedAt) return 'draft';
  return Date.parse(a.publishedAt) > now ? 'scheduled' : 'published';
}

export function ArticlesPage() {
  const p = usePortalT();
  const { formatDateTime } = useI18n();
  useDocumentTitle(p('admin.title'));
  const me = useMe();
  const canEdit = me.data?.role === 'admin';
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState<AdminArticle | 'new' | null>(null);
  const body = Form.useWatch('body', form);
  const list = useQuery({ queryKey: ['portal', 'admin-articles'], queryFn: portalApi.adminArticles });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['portal', 'admin-articles'] });
    void queryClient.invalidateQueries({ queryKey: ['portal', 'articles'] });
  };
  const save = useMutation({
    mutationFn: (v: Values) => {
      const input = { category: v.category, title: v.title.trim(), body: v.body ?? '', pinned: !!v.pinned, publishedAt: v.publishedAt ? v.publishedAt.toISOString() : null };
      return editing && editing !== 'new' ? portalApi.updateArticle(editing.id, { ...input, version: editing.version }) : portalApi.createArticle(input);
    },
    onSuccess: () => {
      void message.success(p('admin.saved'));
      setEditing(null);
      refresh();
    },
    onError: showError,
  });
  const remove = useMutation({
    mutationFn: portalApi.deleteArticle,
    onSuccess: () => {
      void message.success(p('admin.deleted'));
      refresh();
    },
    onError: showError,
  });

  const open = (a: AdminArticle | 'new') => {
    setEditing(a);
    form.setFieldsValue(
      a === 'new'
        ? { category: 'news', title: '', body: '', pinned: false, publishedAt: dayjs() }
        : { category: a.category, title: a.title, body: a.body, pinned: a.pinned, publishedAt: a.publishedAt ? dayjs(a.publishedAt) : null },
    );
  };

  const now = Date.now();
  const columns: TableProps<AdminArticle>['columns'] = [
    { title: p('admin.titleLabel'), dataIndex: 'title', key: 'title' },
    { title: p('admin.category'), dataIndex: 'category', key: 'category', render: (c: ArticleCategory) => p(`category.${c}`) },
    {
      title: p('admin.status'),
      key: 'status',
      render: (_: unknown, a) => {
        const s = stateOf(a, now);
        return (
          <Space size={4} wrap>
            <Tag className={`tb-tag ${s === 'published' ? 'tb-tag-approved' : s === 'scheduled' ? 'tb-tag-accepted' : 'tb-tag-other'}`} variant="outlined">
              {p(`admin.${s}`)}
            </Tag>
            {a.pinned ? (
              <Tag className="tb-tag tb-tag-task" variant="outlined">
                {p('pinned')}
              </Tag>
            ) : null}
          </Space>
        );
      },
    },
    { title: p('admin.publishedAt'), dataIndex: 'publishedAt', key: 'publishedAt', render: (v: string | null) => formatDateTime(v) },
    ...(canEdit
      ? [
          {
            title: p('admin.edit'),
            key: 'actions',
            render: (_: unknown, a: AdminArticle) => (
              <Space wrap>
                <Button size="small" onClick={() => open(a)} aria-label={`${p('admin.edit')}：${a.title}`}>
                  {p('admin.edit')}
                </Button>
                <Popconfirm title={p('admin.deleteConfirm', { title: a.title })} onConfirm={() => remove.mutate(a.id)} okText={p('admin.delete')}>
                  <Button size="small" danger aria-label={`${p('admin.delete')}：${a.title}`}>
                    {p('admin.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <h1 className="tb-page-title" style={{ margin: 0 }}>
          {p('admin.title')}
        </h1>
        {canEdit ? (
          <Button type="primary" onClick={() => open('new')}>
            {p('admin.new')}
          </Button>
        ) : null}
      </Space>
      <p>{p('admin.intro')}</p>
      {!canEdit ? <Alert type="info" showIcon title={p('admin.readOnly')} style={{ marginBottom: 16 }} /> : null}
      {list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<AdminArticle>
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          columns={columns}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: p('admin.empty') }}
        />
      )}
      <Modal
        open={editing !== null}
        title={editing === 'new' ? p('admin.new') : p('admin.edit')}
        onCancel={() => setEditing(null)}
        okText={p('admin.save')}
        cancelText={p('admin.cancel')}
        confirmLoading={save.isPending}
        onOk={() => form.submit()}
        width={760}
        destroyOnHidden
        forceRender
      >
        <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Form.Item name="title" label={p('admin.titleLabel')} rules={[{ required: true, whitespace: true, message: p('admin.titleRequired') }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="category" label={p('admin.category')}>
            <Select
              options={[
                { value: 'news', label: p('category.news') },
                { value: 'disclosure', label: p('category.disclosure') },
              ]}
            />
          </Form.Item>
          <Form.Item name="publishedAt" label={p('admin.publishedAt')} extra={p('admin.intro')}>
            <DatePicker showTime allowClear />
          </Form.Item>
          <Form.Item name="pinned" valuePropName="checked">
            <Checkbox>{p('admin.pinned')}</Checkbox>
          </Form.Item>
          <Form.Item name="body" label={p('admin.body')}>
            <Input.TextArea rows={10} maxLength={50_000} />
          </Form.Item>
        </Form>
        {body ? (
          <Card size="small" title={p('admin.preview')}>
            <Markdown body={body} />
          </Card>
        ) : null}
      </Modal>
    </Card>
  );
}
