// Renders an item's FormSpec (shared/forms) inside an antd Form: labels and
// help, show-if, region cascader, table groups, attachments; every rule is the
// shared validateFormData, so the browser says what the server would.
import { useMemo, useState, type ReactNode } from 'react';
import { Button, Cascader, Form, Input, InputNumber, Select, Upload } from 'antd';
import type { FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  fieldTitle, isRequired, pathParts, resolveDateBound, validateFormData, visibleFields,
  type FieldSchema, type FormError, type FormSpec, type RegionIndex, type RegionNode,
} from '../../../shared/forms';
import { api, apiLanguage, toApiError, type ItemDetail } from '../api';
import { useI18n } from '../i18n';
import { useShowError } from '../ui/errors';
import { useFormsT, type FormsMessageKey, type FormsT } from './messages';
import { useRegions } from './regions';
import './forms.css';

const ACCEPT = '.pdf,.jpg,.jpeg,.png';
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** The item's form (its FormSpec; items saved with only the old flat list come converted by the server). */
export function itemForm(item: ItemDetail): FormSpec {
  return item.form;
}

/** Today in China (UTC+8), the day the rules are judged on, as on the server. */
export function chinaToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

type Lang = 'zh' | 'en';

function errorMessage(t: FormsT, error: FormError, field: FieldSchema | undefined, lang: Lang): string {
  return t(error.code as FormsMessageKey, { label: field ? fieldTitle(field, lang) : error.path });
}

/** The field (or column) a path names. */
function fieldAt(spec: FormSpec, path: string): FieldSchema | undefined {
  const [key, , col] = pathParts(path);
  const field = spec.schema.properties[String(key)];
  return typeof col === 'string' ? field?.items?.properties[col] : field;
}

/** antd setFields entries for problems the server reported (FORM_INVALID details.fields). */
export function serverFormErrors(spec: FormSpec, details: unknown, t: FormsT, lang: Lang, prefix = 'formData') {
  const fields = (details as { fields?: FormError[] } | null | undefined)?.fields;
  if (!Array.isArray(fields)) return [];
  return fields
    .filter((e) => typeof e.path === 'string' && e.path !== '')
    .map((e) => ({ name: [prefix, ...pathParts(e.path)], errors: [errorMessage(t, e, fieldAt(spec, e.path), lang)] }));
}

function hint(field: FieldSchema, t: FormsT, today: string): string | null {
  const w = field['x-widget'];
  if (w === 'number' || w === 'money') {
    const { minimum: min, maximum: max } = field;
    if (min !== undefined && max !== undefined) return t('form.rangeHint', { min, max });
    if (min !== undefined) return t('form.minHint', { min });
    if (max !== undefined) return t('form.maxHint', { max });
  }
  if (w === 'date' && (field['x-minDate'] || field['x-maxDate'])) {
    const min = field['x-minDate'] ? resolveDateBound(field['x-minDate'], today) : undefined;
    const max = field['x-maxDate'] ? resolveDateBound(field['x-maxDate'], today) : undefined;
    return t('form.dateHint', { min: min ?? '—', max: max ?? '—' });
  }
  return null;
}

function cascaderOptions(nodes: RegionNode[]): { value: string; label: string; children?: ReturnType<typeof cascaderOptions> }[] {
  return nodes.map(([code, name, children]) => ({ value: code, label: name, ...(children ? { children: cascaderOptions(children) } : {}) }));
}

/** A file field: one upload, its id is the value. Form.Item injects id, value and onChange. */
function AttachmentInput({ id, value, onChange, label }: { id?: string; value?: string; onChange?: (v: string | undefined) => void; label: string }) {
  const t = useFormsT();
  const showError = useShowError();
  const [name, setName] = useState<string>();
  if (value) {
    return (
      <span className="tb-form-attachment">
        <span>{t('form.uploaded', { name: name ?? t('form.uploadedFile') })}</span>
        <Button id={id} size="small" onClick={() => onChange?.(undefined)} aria-label={`${t('form.removeFile')}${'：'}${label}`}>
          {t('form.removeFile')}
        </Button>
      </span>
    );
  }
  return (
    <Upload
      action={api.uploads.postUrl}
      name="file"
      accept={ACCEPT}
      maxCount={1}
      showUploadList={false}
      headers={{ 'Accept-Language': apiLanguage(), Accept: 'application/json' }}
      beforeUpload={(file) => (file.size > MAX_UPLOAD_BYTES ? Upload.LIST_IGNORE : true)}
      onChange={({ file }) => {
        if (file.status === 'done' && typeof file.response?.id === 'string') {
          setName(file.name);
          onChange?.(file.response.id);
        }
        if (file.status === 'error') {
          const status = (file.error as { status?: number } | undefined)?.status ?? 0;
          showError(toApiError(status, file.response, t('form.uploadFailed', { name: file.name })));
        }
      }}
    >
      <Button id={id} icon={<UploadOutlined aria-hidden />}>{t('form.upload')}</Button>
    </Upload>
  );
}

/** The control of one field; Form.Item injects id, value and onChange. */
function Control({ field, label, regions, today, ...injected }: {
  field: FieldSchema; label: string; regions: RegionIndex | undefined; today: string;
} & Record<string, unknown>) {
  const t = useFormsT();
  const { locale } = useI18n();
  const common = { ...injected };
  switch (field['x-widget']) {
    case 'textarea':
      return <Input.TextArea {...common} rows={4} maxLength={field.maxLength ?? 2000} showCount placeholder={field['x-placeholder']} />;
    case 'number':
      return <InputNumber {...common} style={{ width: '100%', maxWidth: 320 }} min={field.minimum} max={field.maximum} precision={field.type === 'integer' ? 0 : undefined} />;
    case 'money':
      return <InputNumber {...common} style={{ width: '100%', maxWidth: 320 }} min={field.minimum ?? 0} max={field.maximum} precision={2} inputMode="decimal" />;
    case 'date': {
      const min = field['x-minDate'] ? resolveDateBound(field['x-minDate'], today) : undefined;
      const max = field['x-maxDate'] ? resolveDateBound(field['x-maxDate'], today) : undefined;
      return <Input {...common} type="date" min={min} max={max} style={{ maxWidth: 240 }} />;
    }
    case 'select': {
      const titles = (locale === 'en' && field['x-enumTitlesEn']) || field['x-enumTitles'];
      const options = (field.enum ?? []).map((v, i) => ({ value: v, label: titles?.[i] ?? v }));
      return <Select {...common} options={options} placeholder={t('form.selectPlaceholder')} style={{ maxWidth: 320 }} allowClear />;
    }
    case 'region': {
      const { value, onChange, ...rest } = common as { value?: string; onChange?: (v: string | undefined) => void };
      return (
        <Cascader
          {...rest}
          value={value && regions ? regions.get(value)?.path : undefined}
          onChange={(path?: (string | number)[]) => onChange?.(path && path.length > 0 ? String(path[path.length - 1]) : undefined)}
          options={regions ? cascaderOptions(regions.tree) : []}
          placeholder={regions ? t('form.regionPlaceholder') : t('form.regionLoading')}
          showSearch={{ filter: (input, path) => path.some((o) => String(o.label).includes(input)) }}
          style={{ maxWidth: 420, width: '100%' }}
          changeOnSelect={field['x-regionLevel'] !== undefined && field['x-regionLevel'] !== 'county'}
        />
      );
    }
    case 'idCard':
    case 'creditCode':
      return <Input {...common} maxLength={18} autoComplete="off" spellCheck={false} className="tb-form-code" style={{ maxWidth: 320 }} />;
    case 'phone':
      return <Input {...common} type="tel" inputMode="tel" autoComplete="tel" maxLength={24} style={{ maxWidth: 320 }} />;
    case 'email':
      return <Input {...common} type="email" autoComplete="email" maxLength={254} style={{ maxWidth: 420 }} />;
    case 'attachment':
      return <AttachmentInput {...(common as { id?: string; value?: string; onChange?: (v: string | undefined) => void })} label={label} />;
    default:
      return <Input {...common} maxLength={field.maxLength ?? 200} placeholder={field['x-placeholder']} />;
  }
}

const upper = (v: unknown) => (typeof v === 'string' ? v.toUpperCase() : v);

/**
 * The fields of a FormSpec, rendered inside the caller's antd Form under
 * `prefix` (values at form[prefix][key]). Hidden fields (show-if false) are
 * not rendered and their values are not kept.
 */
export function FormFields({ spec, form, prefix = 'formData' }: { spec: FormSpec; form: FormInstance; prefix?: string }) {
  const t = useFormsT();
  const { locale } = useI18n();
  const lang: Lang = locale === 'en' ? 'en' : 'zh';
  const today = chinaToday();
  const data = (Form.useWatch(prefix, form) ?? {}) as Record<string, unknown>;
  const needsRegions = useMemo(
    () => Object.values(spec.schema.properties).some((f) => f['x-widget'] === 'region' || Object.values(f.items?.properties ?? {}).some((c) => c['x-widget'] === 'region')),
    [spec],
  );
  const regions = useRegions(needsRegions);
  const shown = visibleFields(spec, data);

  /** A rule that asks the shared validator about one path. */
  const ruleFor = (path: string, field: FieldSchema) => ({
    validator: async () => {
      const errors = validateFormData(spec, form.getFieldValue(prefix) ?? {}, { today, regions });
      const mine = errors.find((e) => e.path === path);
      if (mine) throw new Error(errorMessage(t, mine, field, lang));
    },
  });

  const extra = (field: FieldSchema): ReactNode => {
    const help = lang === 'en' && field['x-descriptionEn'] ? field['x-descriptionEn'] : field.description;
    const range = hint(field, t, today);
    if (!help && !range) return undefined;
    return [help, range].filter(Boolean).join(' · ');
  };

  const item = (key: string, field: FieldSchema, required: boolean, name: (string | number)[], path: string, label: string) => (
    <Form.Item
      key={path}
      name={name}
      label={label}
      required={required}
      extra={extra(field)}
      rules={[ruleFor(path, field)]}
      validateTrigger={['onBlur', 'onChange']}
      validateDebounce={300}
      normalize={field['x-widget'] === 'idCard' || field['x-widget'] === 'creditCode' ? upper : undefined}
      preserve={false}
    >
      <Control field={field} label={label} regions={regions} today={today} aria-required={required} />
    </Form.Item>
  );

  return (
    <>
      {spec.layout.map((entry, i) => {
        if ('section' in entry) {
          return <h4 key={`s${i}`} className="tb-form-section">{lang === 'en' && entry.sectionEn ? entry.sectionEn : entry.section}</h4>;
        }
        const key = entry.field;
        const field = spec.schema.properties[key];
        if (!field || !shown.has(key)) return null;
        const required = isRequired(spec.schema, key);
        const label = fieldTitle(field, lang);
        if (field['x-widget'] !== 'table') return item(key, field, required, [prefix, key], key, label);
        const row = field.items!;
        return (
          <fieldset key={key} className="tb-form-table">
            <legend>
              {label}
              {required ? null : <span className="tb-muted">{t('form.optional')}</span>}
            </legend>
            {extra(field) ? <div className="ant-form-item-extra">{extra(field)}</div> : null}
            <Form.List
              name={[prefix, key]}
              initialValue={Array.from({ length: Math.max(field.minItems ?? 0, required ? 1 : 0) }, () => ({}))}
              rules={[ruleFor(key, field)]}
            >
              {(rows, { add, remove }, { errors }) => (
                <>
                  {rows.length === 0 ? <p className="tb-muted">{t('form.noRows')}</p> : null}
                  {rows.map((r, n) => (
                    <div key={r.key} className="tb-form-row" role="group" aria-label={`${label} ${t('form.row', { n: n + 1 })}`}>
                      {row['x-columns'].map((col) => {
                        const colField = row.properties[col]!;
                        const colLabel = t('form.cellLabel', { label: fieldTitle(colField, lang), n: n + 1 });
                        return item(col, colField, isRequired(row, col), [r.name, col], `${key}[${n}].${col}`, colLabel);
                      })}
                      <Button
                        icon={<DeleteOutlined aria-hidden />}
                        onClick={() => remove(r.name)}
                        aria-label={`${label}：${t('form.removeRow', { n: n + 1 })}`}
                      >
                        {t('form.removeRow', { n: n + 1 })}
                      </Button>
                    </div>
                  ))}
                  <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({})} disabled={rows.length >= (field.maxItems ?? 100)}>
                    {`${t('form.addRow')}：${label}`}
                  </Button>
                  <Form.ErrorList errors={errors} />
                </>
              )}
            </Form.List>
          </fieldset>
        );
      })}
    </>
  );
}
