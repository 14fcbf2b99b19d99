// 办事指南 of one item, as generated from the catalogue, and the online application form for applicants.
import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Breadcrumb, Button, Card, Descriptions, Grid, Space, Spin, Typography } from 'antd';
import { Link, useLocation, useParams } from 'react-router';
import { api, type ItemDetail } from '../api';
import { languageTag, useI18n } from '../i18n';
import { useMe } from '../ui/auth';
import { LoadError } from '../ui/errors';
import { ItemTypeTag, useLimitWords } from '../ui/labels';
import { LinkButton } from '../ui/LinkButton';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { ApplyForm } from './ApplyForm';
import { ItemMaterials } from './ItemMaterials';

/** A phone number as a tel: link; only digits and a leading + go into the URI. */
function PhoneLink({ phone, what }: { phone: string; what: string }) {
  const { t } = useI18n();
  if (!phone) return <>—</>;
  return (
    <a href={`tel:${phone.replace(/[^\d+]/g, '')}`} aria-label={t('item.call', { what, phone })}>
      {phone}
    </a>
  );
}

function Section({ id, title, children }: { id?: string; title: string; children: ReactNode }) {
  return (
    <Card id={id} title={<h2 className="tb-card-title">{title}</h2>}>
      {children}
    </Card>
  );
}

function Fees({ item }: { item: ItemDetail }) {
  const { t, locale } = useI18n();
  if (item.feeFree) return <p className="tb-guide-text">{t('item.free')}</p>;
  // Older entries carry only the summary string.
  if (item.feeItems.length === 0) return <p className="tb-guide-text tb-prewrap">{item.fee || '—'}</p>;
  const yuan = new Intl.NumberFormat(languageTag(locale), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (
    <ul className="tb-fee-list">
      {item.feeItems.map((f, i) => (
        <li key={i}>
          <span className="tb-fee-name">{f.name}</span>
          <span className="tb-fee-amount">{t('item.feeAmount', { amount: yuan.format(f.amount) })}</span>
          {f.basis && <div className="tb-fee-basis">{t('item.feeBasis', { basis: f.basis })}</div>}
        </li>
      ))}
    </ul>
  );
}

export function ItemPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const limitWords = useLimitWords();
  const me = useMe();
  const location = useLocation();
  // Label beside value from 576 px; above it on phones, where a label column would squeeze the text.
  const narrow = Grid.useBreakpoint().sm === false;
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
  const limit = (n: number) => limitWords(n, data.limitUnit);
  const layout = narrow ? 'vertical' : 'horizontal';

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
        {data.description && <p className="tb-guide-text tb-prewrap">{data.description}</p>}
        {/* The guide is long: the form at its end is one step away. */}
        <Button type="primary" href="#apply">
          {t('item.goApply')}
        </Button>
      </Card>
      <Section title={t('item.basicInfo')}>
        <Descriptions
          layout={layout}
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            { key: 'code', label: t('item.code'), children: <span className="tb-break-anywhere">{data.handlingCode ?? data.code}</span> },
            { key: 'dept', label: t('item.department'), children: data.departmentName },
            { key: 'category', label: t('item.category'), children: data.categoryName ?? '—' },
            { key: 'type', label: t('item.type'), children: <ItemTypeTag type={data.itemType} /> },
            { key: 'legal', label: t('item.legalDays'), children: limit(data.legalDays) },
            { key: 'promised', label: t('item.promisedDays'), children: limit(data.promisedDays) },
            {
              key: 'deficient',
              label: t('item.deficientAcceptance'),
              children: data.allowsDeficientAcceptance ? t('item.deficientYes') : t('item.deficientNo'),
            },
          ]}
        />
      </Section>
      <Section title={t('item.conditions')}>
        <p className="tb-guide-text tb-prewrap">{data.conditions || '—'}</p>
      </Section>
      <Section title={t('item.materials')}>
        <ItemMaterials item={data} />
      </Section>
      <Section title={t('item.fee')}>
        <Fees item={data} />
      </Section>
      <Section title={t('item.where')}>
        <Descriptions
          layout={layout}
          column={1}
          items={[
            { key: 'location', label: t('item.location'), children: <span className="tb-prewrap">{data.location || '—'}</span> },
            { key: 'hours', label: t('item.officeHours'), children: <span className="tb-prewrap">{data.hours || '—'}</span> },
            { key: 'contact', label: t('item.contactPhone'), children: <PhoneLink phone={data.contactPhone} what={t('item.contactPhone')} /> },
            {
              key: 'complaint',
              label: t('item.complaintPhone'),
              children: <PhoneLink phone={data.complaintPhone} what={t('item.complaintPhone')} />,
            },
          ]}
        />
      </Section>
      <Section title={t('item.legalBasis')}>
        <p className="tb-guide-text tb-prewrap">{data.legalBasis || '—'}</p>
      </Section>
      <Section id="apply" title={t('apply.title')}>
        {applySection}
      </Section>
    </div>
  );
}
