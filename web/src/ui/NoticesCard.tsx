// The notices issued on a case (受理 / 不予受理 / 补正 / 办结), on the
// workbench's and the applicant's case page alike: each opens inline as a PDF
// the browser can print.
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { api, type CaseDetail } from '../api';
import { useI18n } from '../i18n';

export function NoticesCard({ detail }: { detail: CaseDetail }) {
  const { t, formatDateTime } = useI18n();
  // Every outcome that issues a notice adds to the timeline: refetch when it grows.
  const docs = useQuery({ queryKey: ['documents', detail.id, detail.timeline.length], queryFn: () => api.cases.documents(detail.id) });
  return (
    <Card title={<h2 className="tb-card-title">{t('doc.title')}</h2>}>
      {docs.data && docs.data.items.length === 0 ? (
        <Empty description={t('doc.empty')} />
      ) : (
        <ul className="tb-file-list" aria-label={t('doc.title')}>
          {(docs.data?.items ?? []).map((d) => (
            <li key={d.id}>
              <FilePdfOutlined aria-hidden className="tb-file-icon" />
              <div className="tb-file-meta">
                <div className="tb-file-name">{d.title}</div>
                <Typography.Text type="secondary">{`${d.number} · ${formatDateTime(d.issuedAt)}`}</Typography.Text>
              </div>
              <a href={api.cases.documentUrl(d.id)} target="_blank" rel="noreferrer" aria-label={`${t('doc.open')}：${d.title}`}>
                {t('doc.open')}
              </a>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
