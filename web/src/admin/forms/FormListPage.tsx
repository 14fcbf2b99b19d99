// 表单设计: every item with the size of its form, each opening the designer.
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useFormsT } from '../../forms/messages';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { formsApi, type ItemFormSummary } from './api';

export function FormListPage() {
  const t = useFormsT();
  useDocumentTitle(t('designer.title'));
  const list = useQuery({ queryKey: ['admin', 'forms'], queryFn: formsApi.list });
  return (
    <div className="tb-stack">
      <Typography.Title level={1} style={{ fontSize: 24 }}>{t('designer.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('designer.listIntro')}</Typography.Paragraph>
      {list.isError ? <Alert type="error" showIcon title={(list.error as Error).message} /> : null}
      <Card>
        <Table<ItemFormSummary>
          rowKey="itemId"
          loading={list.isLoading}
          dataSource={list.data ?? []}
          pagination={false}
          scroll={{ x: true }}
          columns={[
            { title: t('designer.item'), key: 'name', render: (_, r) => <span>{r.name}<br /><Typography.Text type="secondary">{r.code}</Typography.Text></span> },
            { title: t('designer.department'), dataIndex: 'departmentName', key: 'dept' },
            { title: t('designer.fields'), dataIndex: 'fieldCount', key: 'fields' },
            {
              title: '', key: 'edit',
              render: (_, r) => <Link to={`/admin/forms/${r.itemId}`} aria-label={`${t('designer.edit')}：${r.name}`}>{t('designer.edit')}</Link>,
            },
          ]}
        />
      </Card>
    </div>
  );
}
