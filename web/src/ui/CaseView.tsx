// The read-only record of one case, shared by the portal and the workbench.
import type { ReactNode } from 'react';
import { Alert, Card, Col, Descriptions, Empty, Row, Table, Typography } from 'antd';
import { DownloadOutlined, FileOutlined } from '@ant-design/icons';
import { api, type CaseDetail, type CaseTask } from '../api';
import { FormDataView } from '../forms/FormDataView';
import { formSpecFromLegacyFields, type FormSpec, type LegacyField } from '../../../shared/forms';
import { useI18n } from '../i18n';
import { CaseTimeline } from './CaseTimeline';
import { ClockCard, SupplementNoticeCard } from './ClockCard';
import { StatusTag } from './labels';
import { useProcessT } from '../process/messages';
import { OwedMaterialsCard } from '../workbench/intake/IntakeCards';

/** Human-readable byte size. */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

/** The case's form: as the server sends it, or the old flat list converted. */
function caseForm(detail: CaseDetail): FormSpec {
  return (detail as CaseDetail & { form?: FormSpec | null }).form ?? formSpecFromLegacyFields(detail.formFields as LegacyField[]);
}

export function CaseResult({ detail }: { detail: CaseDetail }) {
  const { t } = useI18n();
  if (detail.status !== 'approved' && detail.status !== 'denied' && detail.status !== 'refused') return null;
  const type = detail.status === 'approved' ? 'success' : detail.status === 'denied' ? 'warning' : 'error';
  return (
    <Alert
      type={type}
      showIcon
      title={`${t('case.result')}${t('common.colon')}${t(`status.${detail.status}`)}`}
      description={detail.resultNote ?? undefined}
    />
  );
}

export function CaseView({
  detail,
  audience,
  actions,
  notice,
}: {
  detail: CaseDetail;
  audience: 'applicant' | 'staff';
  actions?: ReactNode;
  /** Replaces the read-only one-time notice (the applicant's page adds the supplement form to it). */
  notice?: ReactNode;
}) {
  const { t, formatDateTime } = useI18n();
  const pt = useProcessT();

  const info = [
    { key: 'caseNo', label: t('case.caseNo'), children: <Typography.Text copyable strong>{detail.caseNo}</Typography.Text> },
    ...(audience === 'applicant'
      ? [{ key: 'queryCode', label: t('case.queryCode'), children: <Typography.Text copyable strong>{detail.queryCode}</Typography.Text> }]
      : []),
    { key: 'item', label: t('case.item'), children: detail.itemName },
    { key: 'dept', label: t('case.department'), children: detail.departmentName },
    { key: 'applicant', label: t('case.applicant'), children: detail.applicantName },
    ...(detail.channel
      ? [{ key: 'channel', label: t('case.channel'), children: detail.channel === 'window' ? t('case.channel.window', { window: detail.windowName ?? '—' }) : t('case.channel.online') }]
      : []),
    ...(audience === 'staff' && detail.submittedByName ? [{ key: 'registeredBy', label: t('case.registeredBy'), children: detail.submittedByName }] : []),
    { key: 'status', label: t('case.status'), children: <StatusTag status={detail.status} /> },
    { key: 'submittedAt', label: t('case.submittedAt'), children: formatDateTime(detail.submittedAt) },
    { key: 'acceptedAt', label: t('case.acceptedAt'), children: formatDateTime(detail.acceptedAt) },
    { key: 'concludedAt', label: t('case.concludedAt'), children: formatDateTime(detail.concludedAt) },
    ...(detail.resultNote ? [{ key: 'result', label: t('case.resultNote'), children: detail.resultNote }] : []),
  ];

  const taskColumns = [
    { title: t('task.name'), dataIndex: 'name', key: 'name' },
    { title: t('case.department'), dataIndex: 'departmentName', key: 'dept' },
    {
      title: t('task.state'),
      key: 'state',
      render: (_: unknown, task: CaseTask) =>
        task.status === 'open' ? t('task.open') : task.status === 'cancelled' ? pt('task.cancelled') : task.outcome ? t(`outcome.${task.outcome}`) : t('task.done'),
    },
    { title: t('task.opinion'), dataIndex: 'opinion', key: 'opinion', render: (v: string | null) => v ?? '—' },
    { title: t('task.completedAt'), dataIndex: 'completedAt', key: 'completedAt', render: (v: string | null) => formatDateTime(v) },
  ];

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={15}>
        <div className="tb-stack">
          <CaseResult detail={detail} />
          {notice ?? (detail.supplementNotice && detail.status === 'supplement_requested' ? <SupplementNoticeCard notice={detail.supplementNotice} /> : null)}
          <Card title={<h2 className="tb-card-title">{t('case.info')}</h2>}>
            <Descriptions column={{ xs: 1, sm: 1, md: 2 }} items={info} />
          </Card>
          <ClockCard detail={detail} />
          <OwedMaterialsCard detail={detail} audience={audience} />
          {!notice && detail.supplementNotice && detail.status !== 'supplement_requested' ? <SupplementNoticeCard notice={detail.supplementNotice} /> : null}
          <Card title={<h2 className="tb-card-title">{t('case.formData')}</h2>}>
            <FormDataView spec={caseForm(detail)} data={detail.formData} />
          </Card>
          <Card title={<h2 className="tb-card-title">{t('case.materials')}</h2>}>
            {detail.materials.length === 0 ? (
              <Empty description={t('case.noMaterials')} />
            ) : (
              <ul className="tb-file-list">
                {detail.materials.map((m) => (
                  <li key={m.uploadId}>
                    <FileOutlined aria-hidden className="tb-file-icon" />
                    <div className="tb-file-meta">
                      <div className="tb-file-name">{m.materialName}</div>
                      <Typography.Text type="secondary">{`${m.originalName} · ${formatBytes(m.sizeBytes)}`}</Typography.Text>
                    </div>
                    <a href={api.uploads.downloadUrl(m.uploadId)} download aria-label={`${t('case.download')}${t('common.colon')}${m.materialName}`}>
                      <DownloadOutlined aria-hidden /> {t('case.download')}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          {detail.tasks.length > 0 ? (
            <Card title={<h2 className="tb-card-title">{t('case.tasks')}</h2>}>
              <Table rowKey="id" size="small" pagination={false} scroll={{ x: 'max-content' }} columns={taskColumns} dataSource={detail.tasks} />
            </Card>
          ) : null}
        </div>
      </Col>
      <Col xs={24} lg={9}>
        <div className="tb-stack">
          {actions}
          <Card title={<h2 className="tb-card-title">{t('case.timeline')}</h2>}>
            <CaseTimeline entries={detail.timeline} />
          </Card>
        </div>
      </Col>
    </Row>
  );
}
