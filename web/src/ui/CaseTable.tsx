import { Table } from 'antd';
import type { TableProps } from 'antd';
import { Link } from 'react-router';
import type { CaseStatus, CaseSummary } from '../api';
import { useI18n } from '../i18n';
import { DueTag, StatusTag } from './labels';

/**
 * A list of cases; the case number links to `linkTo(case)`. The rows come in
 * the server's order (submission time, `order`); sorting the time column asks
 * the server for the other order through `onOrderChange`.
 */
export function CaseTable({
  cases,
  loading,
  linkTo,
  showApplicant = true,
  showDue = false,
  emptyText,
  order,
  onOrderChange,
}: {
  cases: CaseSummary[];
  loading: boolean;
  linkTo: (c: CaseSummary) => string;
  showApplicant?: boolean;
  /** Show the deadline column (staff lists, coloured by time left). */
  showDue?: boolean;
  emptyText?: string;
  order: 'asc' | 'desc';
  onOrderChange: (order: 'asc' | 'desc') => void;
}) {
  const { t, formatDateTime } = useI18n();
  const columns: TableProps<CaseSummary>['columns'] = [
    {
      title: t('case.caseNo'),
      dataIndex: 'caseNo',
      key: 'caseNo',
      render: (caseNo: string, c) => <Link to={linkTo(c)}>{caseNo}</Link>,
    },
    { title: t('case.item'), dataIndex: 'itemName', key: 'item' },
    { title: t('case.department'), dataIndex: 'departmentName', key: 'dept', responsive: ['md'] },
    ...(showApplicant ? [{ title: t('case.applicant'), dataIndex: 'applicantName', key: 'applicant' }] : []),
    { title: t('case.status'), dataIndex: 'status', key: 'status', render: (s: CaseStatus) => <StatusTag status={s} /> },
    ...(showDue ? [{ title: t('due.title'), key: 'due', render: (_: unknown, c: CaseSummary) => <DueTag due={c} /> }] : []),
    {
      title: t('case.submittedAt'),
      dataIndex: 'submittedAt',
      key: 'submittedAt',
      responsive: ['sm'],
      render: (v: string) => formatDateTime(v),
      sorter: true,
      sortOrder: order === 'asc' ? 'ascend' : 'descend',
      sortDirections: ['descend', 'ascend', 'descend'],
    },
  ];
  return (
    <Table<CaseSummary>
      rowKey="id"
      loading={loading}
      columns={columns}
      dataSource={cases}
      pagination={false}
      onChange={(_p, _f, sorter) => {
        const s = Array.isArray(sorter) ? sorter[0] : sorter;
        onOrderChange(s?.order === 'ascend' ? 'asc' : 'desc');
      }}
      scroll={{ x: 'max-content' }}
      locale={emptyText ? { emptyText } : undefined}
    />
  );
}
