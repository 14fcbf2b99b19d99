import { useState } from 'react';
import { Button, Card, Space, Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { api, type TaskSummary } from '../api';
import { useI18n } from '../i18n';
import { ErrorAlert } from '../ui/errors';
import { CaseFilters, type CaseFilterValues } from '../ui/CaseFilters';
import { LoadMore, useCursorList } from '../ui/paging';
import { DueTag } from '../ui/labels';
import { useDocumentTitle } from '../ui/useDocumentTitle';

/** Link to the case page with the task to handle. */
export function taskPath(task: Pick<TaskSummary, 'id' | 'caseId'>): string {
  return `/workbench/cases/${task.caseId}?task=${encodeURIComponent(task.id)}`;
}

/** 待办: the open steps of the approver (its department's, given to it, delegated to it), by arrival, paged on the server. */
export function TasksPage() {
  const { t, formatDateTime } = useI18n();
  useDocumentTitle(t('wb.tasks'));
  const [filters, setFilters] = useState<CaseFilterValues>({});
  const [order, setOrder] = useState<'asc' | 'desc'>('asc');
  const list = useCursorList(['tasks', filters, order], (cursor, limit) => api.tasks.list({ ...filters, order, cursor, limit }), { refetchInterval: 15_000 });
  const tasks = list.query;
  const columns: TableProps<TaskSummary>['columns'] = [
    { title: t('case.caseNo'), dataIndex: 'caseNo', key: 'caseNo', render: (caseNo: string, task) => <Link to={taskPath(task)}>{caseNo}</Link> },
    { title: t('case.item'), dataIndex: 'itemName', key: 'item' },
    { title: t('case.applicant'), dataIndex: 'applicantName', key: 'applicant' },
    {
      title: t('task.name'),
      dataIndex: 'name',
      key: 'name',
      responsive: ['md'],
      // 申请人/受理人回避: a step given to the person in person on a case they applied for or accepted, to hand on.
      render: (name: string, task) => (
        <>
          {name}
          {task.recused ? (
            <Tag className="tb-tag tb-tag-refused" variant="outlined" style={{ marginInlineStart: 8 }} title={t('task.recusedHelp')}>
              {t('task.recused')}
            </Tag>
          ) : null}
        </>
      ),
    },
    {
      title: t('task.arrivedAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      render: (v: string) => formatDateTime(v),
      sorter: true,
      sortOrder: order === 'asc' ? 'ascend' : 'descend',
      sortDirections: ['ascend', 'descend', 'ascend'],
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
        <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void tasks.refetch()} loading={tasks.isFetching && !tasks.isFetchingNextPage}>
          {t('common.refresh')}
        </Button>
      </Space>
      <CaseFilters value={filters} onChange={setFilters} show={['caseNo', 'applicant', 'item', 'dates']} />
      {tasks.isError ? (
        <ErrorAlert error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : (
        <Table<TaskSummary>
          rowKey="id"
          loading={tasks.isPending}
          columns={columns}
          dataSource={list.items}
          pagination={false}
          onChange={(_p, _f, sorter) => {
            const one = Array.isArray(sorter) ? sorter[0] : sorter;
            setOrder(one?.order === 'descend' ? 'desc' : 'asc');
          }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('wb.tasksEmpty') }}
        />
      )}
      <LoadMore list={list} />
    </Card>
  );
}
