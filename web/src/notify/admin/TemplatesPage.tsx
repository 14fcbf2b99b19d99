import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { useShowError } from '../../ui/errors';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useNotifyT } from '../messages';
import { usePreviewTemplate, useSaveTemplate, useTemplates, type Template, type TemplateText } from '../api';

/** 通知模板 (administrators): every kind's texts, edited with a preview; the server checks the variables at save. */
export function TemplatesPage() {
  const n = useNotifyT();
  const { locale } = useI18n();
  useDocumentTitle(n('nt.admin.templates'));
  const templates = useTemplates();
  const [editing, setEditing] = useState<Template | null>(null);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ marginTop: 0 }}>{n('nt.admin.templates')}</Typography.Title>
      <Typography.Paragraph type="secondary">{n('nt.admin.templatesHint')}</Typography.Paragraph>
      <Table<Template>
        rowKey="kind"
        size="small"
        loading={templates.isLoading}
        pagination={false}
        dataSource={templates.data?.items ?? []}
        scroll={{ x: 800 }}
        columns={[
          { title: n('nt.col.kind'), render: (_, t) => <Space direction="vertical" size={0}><span>{t.label[locale]}</span><Typography.Text type="secondary" code>{t.kind}</Typography.Text></Space> },
          { title: '', render: (_, t) => <Space wrap><Tag>{n(`nt.admin.audience.${t.audience}`)}</Tag>{t.custom ? <Tag color="blue">{n('nt.admin.custom')}</Tag> : <Tag>{n('nt.admin.builtIn')}</Tag>}</Space> },
          { title: n('nt.col.content'), render: (_, t) => (locale === 'zh' ? t.bodyZh : t.bodyEn) },
          { title: n('nt.col.action'), render: (_, t) => <Button onClick={() => setEditing(t)} aria-label={`${n('nt.admin.edit')}：${t.label[locale]}`}>{n('nt.admin.edit')}</Button> },
        ]}
      />
      {editing && <TemplateEditor template={editing} onClose={() => setEditing(null)} />}
    </Space>
  );
}

function TemplateEditor({ template, onClose }: { template: Template; onClose: () => void }) {
  const n = useNotifyT();
  const { locale } = useI18n();
  const [form] = Form.useForm<TemplateText>();
  const save = useSaveTemplate();
  const preview = usePreviewTemplate();
  const showError = useShowError();
  const { message } = App.useApp();
  const text = (): TemplateText => form.getFieldsValue(['titleZh', 'bodyZh', 'titleEn', 'bodyEn']) as TemplateText;
  return (
    <Modal
      open
      title={n('nt.admin.editTitle', { kind: template.label[locale] })}
      onCancel={onClose}
      width={720}
      footer={[
        <Button key="preview" onClick={() => preview.mutate({ kind: template.kind, text: text() }, { onError: showError })} loading={preview.isPending}>{n('nt.admin.preview')}</Button>,
        <Button
          key="save"
          type="primary"
          loading={save.isPending}
          onClick={() => save.mutate({ kind: template.kind, text: text(), version: template.version }, {
            onSuccess: () => { void message.success(n('nt.saved')); onClose(); },
            onError: showError,
          })}
        >
          {n('nt.admin.save')}
        </Button>,
      ]}
    >
      <Typography.Paragraph>
        {n('nt.admin.variables')}：{template.variables.map((v) => <Typography.Text key={v} code>{`{${v}}`}</Typography.Text>)}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ titleZh: template.titleZh, bodyZh: template.bodyZh, titleEn: template.titleEn, bodyEn: template.bodyEn }}>
        <Form.Item name="titleZh" label={n('nt.admin.titleZh')}><Input maxLength={100} /></Form.Item>
        <Form.Item name="bodyZh" label={n('nt.admin.bodyZh')}><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
        <Form.Item name="titleEn" label={n('nt.admin.titleEn')}><Input maxLength={200} /></Form.Item>
        <Form.Item name="bodyEn" label={n('nt.admin.bodyEn')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
      </Form>
      {preview.data && (
        <Card size="small" title={n('nt.admin.previewTitle')}>
          <Typography.Paragraph strong>{preview.data.titleZh}</Typography.Paragraph>
          <Typography.Paragraph>{preview.data.bodyZh}</Typography.Paragraph>
          <Typography.Paragraph strong>{preview.data.titleEn}</Typography.Paragraph>
          <Typography.Paragraph style={{ marginBottom: 0 }}>{preview.data.bodyEn}</Typography.Paragraph>
        </Card>
      )}
      {preview.isError && <Alert type="error" showIcon message={(preview.error as Error).message} />}
    </Modal>
  );
}
