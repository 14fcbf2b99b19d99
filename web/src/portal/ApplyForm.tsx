// 网上申报: the application form built from the item's FormSpec (web/src/forms), one upload
// per material, submitted once per idempotency key.
import { useMemo, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Result, Space, Typography, Upload } from 'antd';
import type { UploadFile, UploadProps } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { api, ApiError, apiLanguage, toApiError, type FormValue, type ItemDetail, type SubmittedCase, type Upload as UploadResult } from '../api';
import { useI18n } from '../i18n';
import { useShowError } from '../ui/errors';
import { newIdempotencyKey } from '../ui/idempotency';
import { LinkButton } from '../ui/LinkButton';
import { useApplicationDraft } from './useDraft';
import { FormFields, itemForm, serverFormErrors } from '../forms/FormRenderer';
import { useFormsT } from '../forms/messages';
import { layoutFields, visibleFormData } from '../../../shared/forms';

const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const ACCEPT = '.pdf,.jpg,.jpeg,.png';
const ACCEPTED_EXT = /\.(pdf|jpe?g|png)$/i;

interface FormValues {
  formData?: Record<string, unknown>;
  materials?: Record<string, UploadFile<UploadResult | string>[] | undefined>;
}

function uploadedId(file: UploadFile<UploadResult | string> | undefined): string | null {
  if (!file || file.status !== 'done') return null;
  const response = file.response;
  return typeof response === 'object' && response !== null && typeof response.id === 'string' ? response.id : null;
}

export function ApplyForm({ item }: { item: ItemDetail }) {
  const { t, locale } = useI18n();
  const ft = useFormsT();
  const spec = useMemo(() => itemForm(item), [item]);
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  // Drafts: restore, 保存草稿, autosave, and submit through the draft (removed with the case's transaction).
  const draft = useApplicationDraft(item, form);
  // One key per filled-in form: a double click or a retry after a lost
  // response returns the same case instead of creating a second one.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [submitted, setSubmitted] = useState<SubmittedCase | null>(null);
  const submit = useMutation({ mutationFn: draft.submit });

  const onFinish = (values: FormValues) => {
    if (submit.isPending) return;
    // Only the fields shown, trimmed, empty ones left out (tables are lists of rows).
    const formData = visibleFormData(spec, values.formData ?? {}) as Record<string, FormValue>;
    const materials = item.materials.flatMap((m) => {
      const uploadId = uploadedId(values.materials?.[m.id]?.[0]);
      return uploadId ? [{ materialId: m.id, uploadId }] : [];
    });
    submit.mutate(
      { itemId: item.id, formData, materials, idempotencyKey, ...(item.versionId ? { itemVersionId: item.versionId } : {}) },
      {
        onSuccess: (result) => {
          setSubmitted(result);
          draft.submitted();
          void queryClient.invalidateQueries({ queryKey: ['cases'] });
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'FORM_INVALID') {
            const fields = serverFormErrors(spec, error.details, ft, locale === 'en' ? 'en' : 'zh');
            if (fields.length > 0) form.setFields(fields);
          }
          showError(error);
        },
      },
    );
  };

  const startOver = () => {
    form.resetFields();
    setSubmitted(null);
    setIdempotencyKey(newIdempotencyKey());
    submit.reset();
  };

  if (submitted) {
    const progressLink = `/progress?caseNo=${encodeURIComponent(submitted.caseNo)}&queryCode=${encodeURIComponent(submitted.queryCode)}`;
    return (
      <Result
        status="success"
        title={<span role="status">{t('apply.successTitle')}</span>}
        subTitle={t('apply.successBody')}
        extra={
          <div className="tb-stack" style={{ alignItems: 'center' }}>
            <dl className="tb-submitted">
              <div>
                <dt>{t('case.caseNo')}</dt>
                <dd>
                  <Typography.Text className="tb-case-number" copyable>
                    {submitted.caseNo}
                  </Typography.Text>
                </dd>
              </div>
              <div>
                <dt>{t('case.queryCode')}</dt>
                <dd>
                  <Typography.Text className="tb-case-number" copyable>
                    {submitted.queryCode}
                  </Typography.Text>
                </dd>
              </div>
            </dl>
            <Space wrap>
              <LinkButton type="primary" to={`/my/cases/${submitted.id}`}>
                {t('apply.viewCase')}
              </LinkButton>
              <LinkButton to={progressLink}>{t('apply.viewProgress')}</LinkButton>
              <Button onClick={startOver}>{t('apply.applyAgain')}</Button>
            </Space>
          </div>
        }
      />
    );
  }

  const uploadProps = (materialName: string): UploadProps<UploadResult | string> => ({
    action: api.uploads.postUrl,
    name: 'file',
    accept: ACCEPT,
    maxCount: 1,
    headers: { 'Accept-Language': apiLanguage(), Accept: 'application/json' },
    beforeUpload: (file) => {
      if (!ACCEPTED_EXT.test(file.name)) {
        void message.error(t('apply.uploadBadType', { name: file.name }));
        return Upload.LIST_IGNORE;
      }
      if (file.size > MAX_UPLOAD_BYTES) {
        void message.error(t('apply.uploadTooLarge', { name: file.name }));
        return Upload.LIST_IGNORE;
      }
      return true;
    },
    onChange: ({ file }) => {
      if (file.status === 'done') void message.success(t('apply.uploadDone', { name: materialName }));
      if (file.status === 'error') {
        const status = (file.error as { status?: number } | undefined)?.status ?? 0;
        showError(toApiError(status, file.response, t('apply.uploadFailed', { name: file.name })));
      }
    },
  });

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      onValuesChange={draft.onValuesChange}
      onFinishFailed={() => void message.error(t('apply.fixErrors'))}
      scrollToFirstError={{ focus: true }}
      style={{ maxWidth: 720 }}
    >
      {draft.notice}
      <Typography.Paragraph type="secondary">{t('apply.requiredNote')}</Typography.Paragraph>
      {layoutFields(spec).length > 0 ? <h3 className="tb-card-title" style={{ marginBottom: 12 }}>{t('apply.formSection')}</h3> : null}
      <FormFields spec={spec} form={form} />
      {item.materials.length > 0 ? <h3 className="tb-card-title" style={{ margin: '8px 0 12px' }}>{t('apply.materialsSection')}</h3> : null}
      {item.materials.map((material) => (
        <Form.Item
          key={material.id}
          name={['materials', material.id]}
          label={material.name}
          required={material.required}
          valuePropName="fileList"
          extra={t('apply.uploadHint')}
          getValueFromEvent={(event: { fileList: UploadFile<UploadResult | string>[] }) =>
            // Show the server's reason on a failed file instead of a bare "upload error".
            event.fileList.map((f) =>
              f.status === 'error' && typeof f.response === 'object' && f.response !== null && 'message' in f.response
                ? { ...f, response: String((f.response as { message: unknown }).message) }
                : f,
            )
          }
          rules={[
            {
              validator: async (_rule, fileList?: UploadFile<UploadResult | string>[]) => {
                const file = fileList?.[0];
                if (file?.status === 'uploading') throw new Error(t('apply.uploadPending'));
                if (file && file.status !== 'done') throw new Error(t('apply.uploadFailed', { name: file.name }));
                if (material.required && !uploadedId(file)) throw new Error(t('apply.materialRequired', { name: material.name }));
              },
            },
          ]}
        >
          <Upload {...uploadProps(material.name)}>
            <Button icon={<UploadOutlined aria-hidden />} aria-label={`${t('apply.chooseFile')}${t('common.colon')}${material.name}`}>
              {t('apply.chooseFile')}
            </Button>
          </Upload>
        </Form.Item>
      ))}
      {submit.isError && !(submit.error instanceof ApiError && submit.error.code === 'FORM_INVALID') ? (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={submit.error instanceof ApiError ? submit.error.message : t('error.unknown')} />
      ) : null}
      <Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" size="large" loading={submit.isPending}>
            {t('apply.submit')}
          </Button>
          {draft.saveButton}
        </Space>
      </Form.Item>
    </Form>
  );
}
