// 容缺待补: materials owed after 容缺受理 across all cases, overdue first.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card, Space, Switch, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { ErrorAlert } from '../../ui/errors';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { intakeApi, type OwedRow } from './api';
import { useIntakeT } from './messages';

export function OwedPage() {
  const it = useIntakeT();
  useDocumentTitle(it('owedList.title'));
  const [onlyOverdue, setOnlyOverdue] = useState(false);
  const owed = useQuery({ queryKey: ['intake', 'owed', onlyOverdue], queryFn: () => intakeApi.owed(onlyOverdue), refetchInterval: 60_000 });
  const columns = [
    { title: it('owedList.case'), key: 'case', render: (_: unknown, r: OwedRow) => <Link to={`/workbench/cases/${r.caseId}`}>{r.caseNo}</Link> },
    { title: it('owedList.item'), dataIndex: 'itemName', key: 'item' },
    { title: it('owedList.applicant'), dataIndex: 'applicantName', key: 'applicant' },
    { title: it('owedList.material'), dataIndex: 'name', key: 'material' },
    { title: it('owed.due'), dataIndex: 'dueDate', key: 'due' },
    {
      title: it('owed.state'),
      key: 'state',
      render: (_: unknown, r: OwedRow) => (r.overdue ? <Tag color="red">{it('owed.overdue')}</Tag> : <Tag color="gold">{it('owed.pending')}</Tag>),
    },
  ];
  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <h1 className="tb-page-title" style={{ margin: 0 }}>
          {it('owedList.title')}
        </h1>
        <label>
          <Space>
            <Switch checked={onlyOverdue} onChange={setOnlyOverdue} />
            {it('owedList.onlyOverdue')}
          </Space>
        </label>
      </Space>
      {owed.isError ? (
        <ErrorAlert error={owed.error} onRetry={() => void owed.refetch()} />
      ) : (
        <Table
          rowKey={(r) => `${r.caseId}:${r.materialId}`}
          size="small"
          loading={owed.isPending}
          columns={columns}
          dataSource={owed.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: it('owedList.empty') }}
        />
      )}
    </Card>
  );
}
