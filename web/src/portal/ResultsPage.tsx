// 办件结果公示: concluded cases, numbers partly hidden, no applicant.
import { useQuery } from '@tanstack/react-query';
import { Card, Table, Tag } from 'antd';
import { useSearchParams } from 'react-router';
import { useI18n } from '../i18n';
import { ErrorAlert } from '../ui/errors';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { portalApi, type CaseResultKind, type ResultRow } from './api';
import { usePortalT } from './messages';

const PAGE_SIZE = 20;

/** The result in words inside a tag (never colour alone). */
export function ResultTag({ result }: { result: CaseResultKind }) {
  const p = usePortalT();
  const tone = result === 'approved' ? 'tb-tag-approved' : result === 'denied' ? 'tb-tag-denied' : 'tb-tag-refused';
  return (
    <Tag className={`tb-tag ${tone}`} variant="outlined">
      {p(`result.${result}`)}
    </Tag>
  );
}

export function ResultsTable({ rows, loading, pagination }: { rows: ResultRow[]; loading: boolean; pagination?: false | object }) {
  const p = usePortalT();
  const { formatDateTime } = useI18n();
  return (
    <Table<ResultRow>
      rowKey={(r) => `${r.caseNo}-${r.concludedAt}-${r.itemName}`}
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={pagination ?? false}
      locale={{ emptyText: p('results.empty') }}
      columns={[
        { title: p('results.caseNo'), dataIndex: 'caseNo', key: 'caseNo', render: (v: string) => <span className="tb-hash">{v}</span> },
        { title: p('results.item'), dataIndex: 'itemName', key: 'item' },
        { title: p('results.department'), dataIndex: 'departmentName', key: 'dept', responsive: ['sm'] },
        { title: p('results.result'), dataIndex: 'result', key: 'result', render: (r: CaseResultKind) => <ResultTag result={r} /> },
        { title: p('results.concludedAt'), dataIndex: 'concludedAt', key: 'at', render: (v: string) => formatDateTime(v), responsive: ['md'] },
      ]}
    />
  );
}

export function ResultsPage() {
  const p = usePortalT();
  useDocumentTitle(p('results.title'));
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const results = useQuery({ queryKey: ['portal', 'results', page], queryFn: () => portalApi.results({ page, pageSize: PAGE_SIZE }) });
  return (
    <Card>
      <h1 className="tb-page-title">{p('results.title')}</h1>
      <p className="tb-muted">{p('results.intro')}</p>
      {results.isError ? (
        <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />
      ) : (
        <ResultsTable
          rows={results.data?.items ?? []}
          loading={results.isPending}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: results.data?.total ?? 0,
            showSizeChanger: false,
            hideOnSinglePage: true,
            showTotal: (n: number) => p('results.total', { count: n }),
            onChange: (n: number) => setParams(n > 1 ? { page: String(n) } : {}),
          }}
        />
      )}
    </Card>
  );
}
