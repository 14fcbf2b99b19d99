import { useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Table } from 'antd';
import type { TableProps } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { api, type TaskSummary } from '../api';
import { useI18n } from '../i18n';
import { ErrorAlert } from '../ui/errors';
import { DueTag } from '../ui/labels';
import { useDocumentTitle } from '../ui/useDocumentTitle';

/** Link to the case page with the task to handle. */
export function taskPath(task: Pick<TaskSummary, 'id' | 'caseId'>): string {
  return `/workbench/cases/${task.caseId}?task=${encodeURIComponent(task.id)}`;
}

/** 待办: the open tasks of the approver's department. */
export function TasksPage() {
  const { t, formatDateTime } = useI18n();
  useDocumentTitle(t('wb.tasks'));
  const tasks = useQuery({ queryKey: ['tasks'], queryFn: api.tasks.list, refetchInterval: 15_000 });
  const columns: TableProps<TaskSummary>['columns'] = [
    { title: t('case.caseNo'), dataIndex: 'caseNo', key: 'caseNo', render: (caseNo: string, task) => <Link to={taskPath(task)}>{caseNo}</Link> },
    { title: t('case.item'), dataIndex: 'itemName', key: 'item' },
    { title: t('case.applicant'), dataIndex: 'applicantName', key: 'applicant' },
    { title: t('task.name'), dataIndex: 'name', key: 'name', responsive: ['md'] },
    {
      title: t('task.arrivedAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      render: (v: string) => formatDateTime(v),
      sorter: (a, b) => a.createdAt.localeCompare(b.createdAt),
      defaultSortOrder: 'ascend',
    },
    { title: t('due.title'), key: 'due', render: (_: unknown, task) => <DueTag due={task} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, task) => (
        <Link to={taskPath(task)} aria-label={`${t('wb.handle')} ${task.caseNo}`}>
          {t('wb.handle')}
        </Link>
      ),
    },
  ];
  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <h1 className="tb-page-title" style={{ margin: 0 }}>
          {t('wb.tasks')}
        </h1>
        <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void tasks.refetch()} loading={tasks.isFetching}>
          {t('common.refresh')}
        </Button>
      </Space>
      {tasks.isError ? (
        <ErrorAlert error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : (
        <Table<TaskSummary>
          rowKey="id"
          loading={tasks.isPending}
          columns={columns}
          dataSource={tasks.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('wb.tasksEmpty') }}
        />
      )}
    </Card>
  );
}
