// The rows of a refused import (catalogue, organisation): where each problem
// is — sheet, row, column — what it is, and its stable code.
import { Table } from 'antd';
import { useI18n } from '../i18n';

export interface ImportProblem { sheet: string; row: number; column: string; code: string; message: string }

export function ImportProblemTable({ problems }: { problems: readonly ImportProblem[] }) {
  const { t } = useI18n();
  return (
    <Table<ImportProblem>
      size="small"
      rowKey={(p) => `${p.sheet}-${p.row}-${p.column}-${p.code}`}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      dataSource={[...problems]}
      columns={[
        { title: t('import.sheet'), dataIndex: 'sheet' },
        { title: t('import.row'), dataIndex: 'row' },
        { title: t('import.column'), dataIndex: 'column' },
        { title: t('import.message'), dataIndex: 'message' },
        { title: t('import.code'), dataIndex: 'code', render: (c: string) => <code>{c}</code> },
      ]}
    />
  );
}
