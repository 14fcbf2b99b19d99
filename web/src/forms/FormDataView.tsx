// Submitted form data, read-only, in the form's own order and words: option
// labels, region names, tables as tables, attachments as downloads.
import { Descriptions, Empty, Table } from 'antd';
import { fieldTitle, layoutFields, type FieldSchema, type FormSpec, type RegionIndex } from '../../../shared/forms';
import { api } from '../api';
import { useI18n } from '../i18n';
import { useFormsT } from './messages';
import { useRegions } from './regions';

type Lang = 'zh' | 'en';

function valueText(field: FieldSchema | undefined, value: unknown, lang: Lang, regions: RegionIndex | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (!field) return typeof value === 'object' ? JSON.stringify(value) : String(value);
  switch (field['x-widget']) {
    case 'select': {
      const i = field.enum?.indexOf(String(value)) ?? -1;
      const titles = (lang === 'en' && field['x-enumTitlesEn']) || field['x-enumTitles'];
      return i >= 0 && titles?.[i] ? titles[i]! : String(value);
    }
    case 'region':
      return regions?.label(String(value)) ?? String(value);
    case 'money':
      return typeof value === 'number' ? value.toFixed(2) : String(value);
    case 'date':
      return String(value).slice(0, 10);
    default:
      return String(value);
  }
}

export function FormDataView({ spec, data }: { spec: FormSpec; data: Record<string, unknown> }) {
  const t = useFormsT();
  const { locale, t: tApp } = useI18n();
  const lang: Lang = locale === 'en' ? 'en' : 'zh';
  const props = spec.schema.properties;
  const needsRegions = Object.values(props).some((f) => f['x-widget'] === 'region' || Object.values(f.items?.properties ?? {}).some((c) => c['x-widget'] === 'region'));
  const regions = useRegions(needsRegions);
  // The form's fields first, then any key the form no longer has (an older form).
  const keys = [...layoutFields(spec).filter((k) => k in data), ...Object.keys(data).filter((k) => !(k in props))];
  if (keys.length === 0) return <Empty description={tApp('case.noFormData')} />;
  return (
    <Descriptions
      column={1}
      bordered
      size="small"
      items={keys.map((key) => {
        const field = props[key];
        const value = data[key];
        let children;
        if (field?.['x-widget'] === 'table' && Array.isArray(value) && field.items) {
          const row = field.items;
          children = (
            <Table
              size="small"
              pagination={false}
              rowKey={(_, i) => String(i)}
              dataSource={value as Record<string, unknown>[]}
              scroll={{ x: true }}
              columns={row['x-columns'].map((col) => ({
                title: fieldTitle(row.properties[col]!, lang),
                key: col,
                render: (_: unknown, r: Record<string, unknown>) => valueText(row.properties[col], r[col], lang, regions),
              }))}
            />
          );
        } else if (field?.['x-widget'] === 'attachment' && typeof value === 'string') {
          children = <a href={api.uploads.downloadUrl(value)}>{t('form.uploadedFile')}</a>;
        } else {
          children = <span className="tb-prewrap">{valueText(field, value, lang, regions)}</span>;
        }
        return { key, label: field ? fieldTitle(field, lang) : key, children };
      })}
    />
  );
}
