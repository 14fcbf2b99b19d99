// 服务指南 of one item, and the online application form for applicants.
import { useQuery } from '@tanstack/react-query';
import { Alert, Breadcrumb, Card, Descriptions, Space, Spin, Table, Tag, Typography } from 'antd';
import { Link, useLocation, useParams } from 'react-router';
import { api, type ItemMaterial } from '../api';
import { useI18n } from '../i18n';
import { useMe } from '../ui/auth';
import { LoadError } from '../ui/errors';
import { ItemTypeTag } from '../ui/labels';
import { LinkButton } from '../ui/LinkButton';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { ApplyForm } from './ApplyForm';

export function ItemPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const me = useMe();
  const location = useLocation();
  const item = useQuery({ queryKey: ['catalog', 'item', id], queryFn: () => api.catalog.item(id), staleTime: 60_000 });
  useDocumentTitle(item.data?.name ?? t('item.guide'));

  if (item.isPending) {
    return (
      <div className="tb-page-loading">
        <Spin size="large" description={t('common.loading')} />
      </div>
    );
  }
  if (item.isError) return <LoadError error={item.error} onRetry={() => void item.refetch()} back={{ to: '/', label: t('nav.guides') }} />;
  const data = item.data;
  const days = (n: number) => (n === 0 ? t('item.sameDay') : t('item.workingDays', { days: n }));

  const materialColumns = [
    { title: t('item.materialName'), dataIndex: 'name', key: 'name' },
    {
      title: t('item.materialRequired'),
      dataIndex: 'required',
      key: 'required',
      render: (required: boolean) =>
        required ? (
          <Tag className="tb-tag tb-tag-refused" variant="outlined">
            {t('item.required')}
          </Tag>
        ) : (
          <Tag className="tb-tag tb-tag-other" variant="outlined">
            {t('item.optional')}
          </Tag>
        ),
    },
    { title: t('item.materialForm'), dataIndex: 'form', key: 'form', responsive: ['sm' as const] },
    { title: t('item.copies'), dataIndex: 'copies', key: 'copies', responsive: ['sm' as const] },
  ];

  const next = encodeURIComponent(location.pathname);
  let applySection;
  if (me.isPending) applySection = <Spin />;
  else if (!me.data) {
    applySection = (
      <Alert
        type="info"
        showIcon
        title={t('apply.loginFirst')}
        action={
          <Space wrap>
            <LinkButton type="primary" to={`/login?next=${next}`}>
              {t('auth.login')}
            </LinkButton>
            <LinkButton to={`/register?next=${next}`}>{t('auth.register')}</LinkButton>
          </Space>
        }
      />
    );
  } else if (me.data.role !== 'applicant') {
    applySection = <Alert type="info" showIcon title={t('apply.staffCannotApply')} />;
  } else {
    applySection = <ApplyForm item={data} />;
  }

  return (
    <div className="tb-stack">
      <Breadcrumb items={[{ title: <Link to="/">{t('nav.guides')}</Link> }, { title: data.name }]} />
      <Card>
        <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
          {data.name}
        </Typography.Title>
        <Descriptions
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            { key: 'code', label: t('item.code'), children: data.code },
            { key: 'dept', label: t('item.department'), children: data.departmentName },
            { key: 'type', label: t('item.type'), children: <ItemTypeTag type={data.itemType} /> },
            { key: 'fee', label: t('item.fee'), children: data.fee || t('item.free') },
            { key: 'legal', label: t('item.legalDays'), children: days(data.legalDays) },
            { key: 'promised', label: t('item.promisedDays'), children: days(data.promisedDays) },
            { key: 'basis', label: t('item.legalBasis'), span: 'filled', children: <span className="tb-prewrap">{data.legalBasis || '—'}</span> },
            ...(data.description
              ? [{ key: 'desc', label: t('item.description'), span: 'filled' as const, children: <span className="tb-prewrap">{data.description}</span> }]
              : []),
          ]}
        />
      </Card>
      <Card title={<h2 className="tb-card-title">{t('item.materials')}</h2>}>
        <Table<ItemMaterial>
          rowKey="id"
          size="small"
          pagination={false}
          columns={materialColumns}
          dataSource={data.materials}
          locale={{ emptyText: t('item.noMaterials') }}
        />
      </Card>
      <Card id="apply" title={<h2 className="tb-card-title">{t('apply.title')}</h2>}>
        {applySection}
      </Card>
    </div>
  );
}
