// 进度查询: public lookup by case number and query code, no login. The QR
// code on every notice links here with ?caseNo=&queryCode=.
import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Form, Input, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { api } from '../api';
import { useI18n } from '../i18n';
import { CaseTimeline } from '../ui/CaseTimeline';
import { ErrorAlert } from '../ui/errors';
import { StatusTag } from '../ui/labels';
import { useDocumentTitle } from '../ui/useDocumentTitle';

interface LookupValues {
  caseNo: string;
  queryCode: string;
}

export function ProgressPage() {
  const { t, formatDateTime } = useI18n();
  useDocumentTitle(t('progress.title'));
  const [params, setParams] = useSearchParams();
  const caseNo = params.get('caseNo')?.trim() ?? '';
  // Query codes are printed in capitals; accept them typed or linked in lower case too.
  const queryCode = params.get('queryCode')?.trim().toUpperCase() ?? '';
  const [form] = Form.useForm<LookupValues>();

  useEffect(() => {
    form.setFieldsValue({ caseNo, queryCode });
  }, [form, caseNo, queryCode]);

  const progress = useQuery({
    queryKey: ['progress', caseNo, queryCode],
    queryFn: () => api.progress.lookup(caseNo, queryCode),
    enabled: caseNo !== '' && queryCode !== '',
    retry: false,
    staleTime: 0,
  });

  const data = progress.data;
  return (
    <div className="tb-stack">
      <Card>
        <h1 className="tb-page-title">{t('progress.title')}</h1>
        <Typography.Paragraph type="secondary">{t('progress.intro')}</Typography.Paragraph>
        <Form<LookupValues>
          form={form}
          layout="inline"
          className="tb-progress-form"
          initialValues={{ caseNo, queryCode }}
          onFinish={(values) => {
            const next = { caseNo: values.caseNo.trim(), queryCode: values.queryCode.trim().toUpperCase() };
            if (next.caseNo === caseNo && next.queryCode === queryCode) void progress.refetch();
            else setParams(next);
          }}
        >
          <Form.Item name="caseNo" label={t('case.caseNo')} rules={[{ required: true, whitespace: true, message: t('progress.caseNoRequired') }]}>
            <Input maxLength={40} autoComplete="off" placeholder="20261128-SCJG-0001" style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="queryCode" label={t('case.queryCode')} rules={[{ required: true, whitespace: true, message: t('progress.queryCodeRequired') }]}>
            <Input maxLength={12} autoComplete="off" style={{ width: 140 }} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={progress.isFetching}>
              {t('progress.lookup')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      {progress.isError ? <ErrorAlert error={progress.error} /> : null}
      {data ? (
        <Card title={<h2 className="tb-card-title">{t('progress.result')}</h2>} aria-live="polite">
          <Descriptions
            column={{ xs: 1, sm: 1, md: 2 }}
            items={[
              { key: 'caseNo', label: t('case.caseNo'), children: data.caseNo },
              { key: 'status', label: t('case.status'), children: <StatusTag status={data.status} /> },
              { key: 'item', label: t('case.item'), children: data.itemName },
              { key: 'dept', label: t('case.department'), children: data.departmentName },
              { key: 'submittedAt', label: t('case.submittedAt'), children: formatDateTime(data.submittedAt) },
              { key: 'acceptedAt', label: t('case.acceptedAt'), children: formatDateTime(data.acceptedAt) },
              { key: 'concludedAt', label: t('case.concludedAt'), children: formatDateTime(data.concludedAt) },
              ...(data.resultNote ? [{ key: 'result', label: t('case.resultNote'), children: data.resultNote }] : []),
            ]}
          />
          <h3 className="tb-card-title" style={{ margin: '16px 0' }}>
            {t('case.timeline')}
          </h3>
          <CaseTimeline entries={data.timeline} />
        </Card>
      ) : null}
    </div>
  );
}
