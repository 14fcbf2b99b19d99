import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Spin } from 'antd';
import { Link, useParams } from 'react-router';
import { api } from '../api';
import { useI18n } from '../i18n';
import { CaseView } from '../ui/CaseView';
import { SupplementNoticeCard } from '../ui/ClockCard';
import { SupplementForm } from './SupplementForm';
import { LoadError } from '../ui/errors';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { ProcessSection } from '../process/ProcessSection';
import { RatingCard } from './RatingCard';
import { NoticesCard } from '../ui/NoticesCard';

/** One of the applicant's cases: record, status timeline, result and the notices issued. */
export function MyCaseDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const detail = useQuery({
    queryKey: ['cases', 'detail', id],
    queryFn: () => api.cases.get(id),
    // Keep the status fresh while the case is still moving.
    refetchInterval: (q) => (q.state.data && ['submitted', 'supplement_requested', 'accepted'].includes(q.state.data.status) ? 30_000 : false),
  });
  useDocumentTitle(detail.data ? `${t('case.detailTitle')} ${detail.data.caseNo}` : t('case.detailTitle'));
  return (
    <div className="tb-stack">
      <Breadcrumb items={[{ title: <Link to="/my/cases">{t('nav.myCases')}</Link> }, { title: detail.data?.caseNo ?? '…' }]} />
      <h1 className="tb-page-title">
        {t('case.detailTitle')}
        {detail.data ? ` ${detail.data.caseNo}` : ''}
      </h1>
      {detail.isPending ? (
        <Spin />
      ) : detail.isError ? (
        <LoadError error={detail.error} onRetry={() => void detail.refetch()} back={{ to: '/my/cases', label: t('nav.myCases') }} />
      ) : (
        <CaseView
          detail={detail.data}
          audience="applicant"
          actions={<RatingCard detail={detail.data} />}
          notice={
            detail.data.supplementNotice && detail.data.status === 'supplement_requested' ? (
              <SupplementNoticeCard
                notice={detail.data.supplementNotice}
                extra={<SupplementForm detail={detail.data} notice={detail.data.supplementNotice} />}
              />
            ) : undefined
          }
        />
      )}
      {detail.data ? <NoticesCard detail={detail.data} /> : null}
      {detail.data && detail.data.acceptedAt && detail.data.hasProcess !== false ? <ProcessSection caseId={detail.data.id} audience="applicant" /> : null}
    </div>
  );
}
