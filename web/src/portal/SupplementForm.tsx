// 补正: the applicant's answer to the one-time notice — one upload for every
// listed material, sent together (the server wants them all at once).
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { api, apiLanguage, toApiError, type CaseDetail, type SupplementNotice, type Upload as UploadResult } from '../api';
import { useI18n } from '../i18n';
import { useShowError } from '../ui/errors';

const ACCEPT = '.pdf,.jpg,.jpeg,.png';
const ACCEPTED_EXT = /\.(pdf|jpe?g|png)$/i;
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

type Files = Record<string, UploadFile<UploadResult>[]>;

function uploadedId(file: UploadFile<UploadResult> | undefined): string | null {
  if (!file || file.status !== 'done') return null;
  const r = file.response;
  return typeof r === 'object' && r !== null && typeof r.id === 'string' ? r.id : null;
}

export function SupplementForm({ detail, notice }: { detail: CaseDetail; notice: SupplementNotice }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [files, setFiles] = useState<Files>({});
  const [missing, setMissing] = useState<string[]>([]);
  const submit = useMutation({
    mutationFn: (materials: { materialId: string; uploadId: string }[]) => api.cases.supplement(detail.id, materials),
  });

  const onSubmit = () => {
    const notReady = notice.items.filter((i) => !uploadedId(files[i.materialId]?.[0]));
    setMissing(notReady.map((i) => i.materialId));
    if (notReady.length > 0) {
      void message.error(t('supplement.uploadAll'));
      return;
    }
    const materials = notice.items.map((i) => ({ materialId: i.materialId, uploadId: uploadedId(files[i.materialId]?.[0])! }));
    submit.mutate(materials, {
      onSuccess: (d: CaseDetail) => {
        queryClient.setQueryData(['cases', 'detail', detail.id], d);
        void queryClient.invalidateQueries({ queryKey: ['cases'], predicate: (q) => q.queryKey[1] !== 'detail' });
        void message.success(t('supplement.done'));
      },
      onError: showError,
    });
  };

  return (
    <Form layout="vertical" className="tb-supplement-form" onFinish={onSubmit}>
      <h3 className="tb-card-title">{t('supplement.formTitle')}</h3>
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('supplement.formHint')} />
      {notice.items.map((item) => (
        <Form.Item
          key={item.materialId}
          label={item.name}
          required
          extra={t('apply.uploadHint')}
          validateStatus={missing.includes(item.materialId) ? 'error' : undefined}
          help={missing.includes(item.materialId) ? t('apply.materialRequired', { name: item.name }) : undefined}
        >
          <Upload<UploadResult>
            action={api.uploads.postUrl}
            name="file"
            accept={ACCEPT}
            maxCount={1}
            headers={{ 'Accept-Language': apiLanguage(), Accept: 'application/json' }}
            fileList={files[item.materialId] ?? []}
            beforeUpload={(file) => {
              if (!ACCEPTED_EXT.test(file.name)) {
                void message.error(t('apply.uploadBadType', { name: file.name }));
                return Upload.LIST_IGNORE;
              }
              if (file.size > MAX_UPLOAD_BYTES) {
                void message.error(t('apply.uploadTooLarge', { name: file.name }));
                return Upload.LIST_IGNORE;
              }
              return true;
            }}
            onChange={({ file, fileList }) => {
              setFiles((prev) => ({ ...prev, [item.materialId]: fileList }));
              if (file.status === 'done') {
                setMissing((m) => m.filter((id) => id !== item.materialId));
                void message.success(t('apply.uploadDone', { name: item.name }));
              }
              if (file.status === 'error') {
                const status = (file.error as { status?: number } | undefined)?.status ?? 0;
                showError(toApiError(status, file.response, t('apply.uploadFailed', { name: file.name })));
              }
            }}
          >
            <Button icon={<UploadOutlined aria-hidden />} aria-label={`${t('apply.chooseFile')}${t('common.colon')}${item.name}`}>
              {t('apply.chooseFile')}
            </Button>
          </Upload>
        </Form.Item>
      ))}
      <Button type="primary" htmlType="submit" loading={submit.isPending}>
        {t('supplement.submit')}
      </Button>
    </Form>
  );
}
