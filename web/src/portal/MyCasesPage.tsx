import { useQuery } from '@tanstack/react-query';
import { Card } from 'antd';
import { api } from '../api';
import { useI18n } from '../i18n';
import { CaseTable } from '../ui/CaseTable';
import { ErrorAlert } from '../ui/errors';
import { useDocumentTitle } from '../ui/useDocumentTitle';

/** 我的办件: the applicant's own cases. */
export function MyCasesPage() {
  const { t } = useI18n();
  useDocumentTitle(t('nav.myCases'));
  const cases = useQuery({ queryKey: ['cases', 'mine'], queryFn: () => api.cases.list('mine') });
  return (
    <Card>
      <h1 className="tb-page-title">{t('nav.myCases')}</h1>
      {cases.isError ? (
        <ErrorAlert error={cases.error} onRetry={() => void cases.refetch()} />
      ) : (
        <CaseTable
          cases={cases.data?.items ?? []}
          loading={cases.isPending}
          linkTo={(c) => `/my/cases/${c.id}`}
          showApplicant={false}
          showDue
          emptyText={t('myCases.empty')}
        />
      )}
    </Card>
  );
}
