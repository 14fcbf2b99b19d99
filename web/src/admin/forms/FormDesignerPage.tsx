// 申请表设计: the fields of one item's form (add, remove, reorder), the chosen
// field's properties (type, labels, required, format, range, options, show-if,
// table columns), a live preview rendered by the applicants' FormFields, save.
import { useEffect, useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Col, Empty, Form, Input, InputNumber, Row, Space, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import {
  checkFormSpec, fieldTitle, isRequired, layoutFields, WIDGETS,
  type Condition, type FieldSchema, type FormSpec, type FormSpecProblem, type TableRowSchema, type Widget,
} from '../../../../shared/forms';
import { ApiError } from '../../api';
import { useI18n } from '../../i18n';
import { FormFields } from '../../forms/FormRenderer';
import { useFormsT, type FormsMessageKey, type FormsT } from '../../forms/messages';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useShowError } from '../../ui/errors';
import { formsApi, problemsOf } from './api';
import {
  addColumn, addField, fieldOfWidget, moveField, optionsText, parseOptions, removeColumn, removeField, renameField, setField, setRequired,
} from './model';

const STRING_WIDGETS: Widget[] = ['text', 'textarea'];

function NativeSelect({ id, value, onChange, options }: {
  id: string; value: string; onChange: (v: string) => void; options: { value: string; label: string }[];
}) {
  return (
    <select id={id} className="ant-input" value={value} onChange={(e) => onChange(e.target.value)} style={{ maxWidth: 360 }}>
      {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
    </select>
  );
}

/** A number input that stores undefined when cleared. */
function OptionalNumber({ id, value, onChange }: { id: string; value: number | undefined; onChange: (v: number | undefined) => void }) {
  return <InputNumber id={id} value={value} onChange={(v) => onChange(typeof v === 'number' ? v : undefined)} style={{ width: 200 }} />;
}

function without<T extends object>(o: T, ...keys: (keyof T)[]): T {
  const copy = { ...o };
  for (const k of keys) delete copy[k];
  return copy;
}

/** The show-if editor: a field placed earlier, and the value (or "filled") that shows this one. */
function ShowIfEditor({ spec, fieldKey, field, onChange, t, lang }: {
  spec: FormSpec; fieldKey: string; field: FieldSchema; onChange: (c: Condition | undefined) => void; t: FormsT; lang: 'zh' | 'en';
}) {
  const earlier = layoutFields(spec).slice(0, layoutFields(spec).indexOf(fieldKey))
    .filter((k) => !['table', 'attachment'].includes(spec.schema.properties[k]!['x-widget']));
  const cond = field['x-showIf'];
  const simple = cond && 'field' in cond ? cond : undefined;
  const target = simple ? spec.schema.properties[simple.field] : undefined;
  const value = simple && 'equals' in simple ? String(simple.equals) : '';
  const setTarget = (k: string) => {
    if (!k) return onChange(undefined);
    const f = spec.schema.properties[k]!;
    onChange(f['x-widget'] === 'select' ? { field: k, equals: f.enum?.[0] ?? '' } : { field: k, filled: true });
  };
  const setValue = (v: string) => {
    if (!simple || !target) return;
    if (v === '') return onChange({ field: simple.field, filled: true });
    const numeric = target['x-widget'] === 'number' || target['x-widget'] === 'money';
    onChange({ field: simple.field, equals: numeric && Number.isFinite(Number(v)) ? Number(v) : v });
  };
  return (
    <fieldset className="tb-form-table">
      <legend>{t('designer.showIf')}</legend>
      {cond && !simple ? <Typography.Paragraph type="secondary">{JSON.stringify(cond)}</Typography.Paragraph> : null}
      <Form.Item label={t('designer.showIfField')} htmlFor="fd-showif-field">
        <NativeSelect
          id="fd-showif-field"
          value={simple?.field ?? ''}
          onChange={setTarget}
          options={[{ value: '', label: t('designer.showIfNone') }, ...earlier.map((k) => ({ value: k, label: fieldTitle(spec.schema.properties[k]!, lang) }))]}
        />
      </Form.Item>
      {simple && target ? (
        <Form.Item label={`${t('designer.showIfEquals')} · ${t('designer.showIfValue')}`} htmlFor="fd-showif-value">
          {target['x-widget'] === 'select' ? (
            <NativeSelect
              id="fd-showif-value"
              value={value}
              onChange={setValue}
              options={(target.enum ?? []).map((v, i) => ({ value: v, label: target['x-enumTitles']?.[i] ?? v }))}
            />
          ) : (
            <Input id="fd-showif-value" value={value} onChange={(e) => setValue(e.target.value)} style={{ maxWidth: 360 }} />
          )}
        </Form.Item>
      ) : null}
    </fieldset>
  );
}

/** The properties of one field (or table column). `idPrefix` keeps the ids unique. */
function FieldProperties({ idPrefix, field, required, onField, onRequired, t, inTable }: {
  idPrefix: string; field: FieldSchema; required: boolean; onField: (f: FieldSchema) => void; onRequired: (r: boolean) => void; t: FormsT; inTable: boolean;
}) {
  const w = field['x-widget'];
  const id = (name: string) => `${idPrefix}-${name}`;
  const widgets = WIDGETS.filter((x) => !inTable || (x !== 'table' && x !== 'attachment'));
  const set = (patch: Partial<FieldSchema>, drop: (keyof FieldSchema)[] = []) => onField(without({ ...field, ...patch }, ...drop.filter((k) => !(k in patch) || patch[k] === undefined)));
  const text = (name: keyof FieldSchema, label: string) => (
    <Form.Item label={label} htmlFor={id(String(name))}>
      <Input id={id(String(name))} value={(field[name] as string | undefined) ?? ''} onChange={(e) => set({ [name]: e.target.value || undefined }, [name])} />
    </Form.Item>
  );
  const num = (name: 'minimum' | 'maximum' | 'minLength' | 'maxLength', label: string) => (
    <Form.Item label={label} htmlFor={id(name)}>
      <OptionalNumber id={id(name)} value={field[name]} onChange={(v) => set({ [name]: v }, [name])} />
    </Form.Item>
  );
  return (
    <>
      <Form.Item label={t('designer.type')} htmlFor={id('type')}>
        <NativeSelect
          id={id('type')}
          value={w}
          onChange={(v) => onField(fieldOfWidget(v as Widget, field))}
          options={widgets.map((x) => ({ value: x, label: t(`widget.${x}` as FormsMessageKey) }))}
        />
      </Form.Item>
      {text('title', t('designer.label'))}
      {text('x-titleEn', t('designer.labelEn'))}
      {text('description', t('designer.help'))}
      <Form.Item>
        <Checkbox id={id('required')} checked={required} onChange={(e) => onRequired(e.target.checked)}>{t('designer.required')}</Checkbox>
      </Form.Item>
      {STRING_WIDGETS.includes(w) ? (
        <>
          {text('pattern', t('designer.pattern'))}
          {num('minLength', t('designer.minLength'))}
          {num('maxLength', t('designer.maxLength'))}
        </>
      ) : null}
      {w === 'number' || w === 'money' ? (
        <>
          {num('minimum', t('designer.minimum'))}
          {num('maximum', t('designer.maximum'))}
        </>
      ) : null}
      {w === 'date' ? (
        <>
          {text('x-minDate', t('designer.minDate'))}
          {text('x-maxDate', t('designer.maxDate'))}
        </>
      ) : null}
      {w === 'select' ? (
        <Form.Item label={t('designer.options')} htmlFor={id('options')}>
          <Input.TextArea
            id={id('options')}
            rows={4}
            defaultValue={optionsText(field)}
            onBlur={(e) => onField({ ...field, ...parseOptions(e.target.value), 'x-enumTitlesEn': undefined })}
          />
        </Form.Item>
      ) : null}
      {w === 'region' ? (
        <Form.Item label={t('designer.regionLevel')} htmlFor={id('level')}>
          <NativeSelect
            id={id('level')}
            value={field['x-regionLevel'] ?? 'county'}
            onChange={(v) => set({ 'x-regionLevel': v as FieldSchema['x-regionLevel'] })}
            options={(['province', 'city', 'county'] as const).map((l) => ({ value: l, label: t(`designer.level.${l}`) }))}
          />
        </Form.Item>
      ) : null}
    </>
  );
}

/** The columns of a table field, each with its own properties. */
function ColumnsEditor({ fieldKey, row, onRow, t, lang }: { fieldKey: string; row: TableRowSchema; onRow: (r: TableRowSchema) => void; t: FormsT; lang: 'zh' | 'en' }) {
  return (
    <fieldset className="tb-form-table">
      <legend>{t('designer.columns')}</legend>
      {row['x-columns'].map((col) => {
        const f = row.properties[col]!;
        const label = fieldTitle(f, lang);
        return (
          <div key={col} className="tb-form-designer-field" role="group" aria-label={label}>
            <FieldProperties
              idPrefix={`fd-${fieldKey}-${col}`}
              field={f}
              required={isRequired(row, col)}
              inTable
              t={t}
              onField={(nf) => onRow({ ...row, properties: { ...row.properties, [col]: nf } })}
              onRequired={(r) => onRow({ ...row, required: setRequired(row, col, r) })}
            />
            <Button icon={<DeleteOutlined aria-hidden />} onClick={() => onRow(removeColumn(row, col))} disabled={row['x-columns'].length <= 1}>
              {t('designer.remove', { label })}
            </Button>
          </div>
        );
      })}
      <Button icon={<PlusOutlined aria-hidden />} onClick={() => onRow(addColumn(row, t('designer.newField')))}>{t('designer.addColumn')}</Button>
    </fieldset>
  );
}

function ProblemList({ problems, spec, t, lang }: { problems: FormSpecProblem[]; spec: FormSpec; t: FormsT; lang: 'zh' | 'en' }) {
  const name = (field: string | null) => {
    if (!field) return '';
    const [key, col] = field.split('.');
    const f = spec.schema.properties[key!];
    const c = col ? f?.items?.properties[col] : undefined;
    return `${[f, c].filter(Boolean).map((x) => fieldTitle(x!, lang)).join(' · ') || field}：`;
  };
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('designer.problems')}
      description={<ul style={{ margin: 0 }}>{problems.map((p, i) => <li key={i}>{name(p.field)}{t(p.code as FormsMessageKey)}</li>)}</ul>}
    />
  );
}

export function FormDesignerPage() {
  const { itemId = '' } = useParams();
  const t = useFormsT();
  const { locale } = useI18n();
  const lang = locale === 'en' ? 'en' : 'zh';
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const loaded = useQuery({ queryKey: ['admin', 'forms', itemId], queryFn: () => formsApi.get(itemId) });
  const [spec, setSpec] = useState<FormSpec | null>(null);
  const [revision, setRevision] = useState(0);
  const [selected, setSelected] = useState<string | null>(null);
  const [keyDraft, setKeyDraft] = useState('');
  const [serverProblems, setServerProblems] = useState<FormSpecProblem[] | null>(null);
  const [preview] = Form.useForm();
  useDocumentTitle(loaded.data ? `${t('designer.title')} · ${loaded.data.name}` : t('designer.title'));

  useEffect(() => {
    if (loaded.data && spec === null) {
      setSpec(loaded.data.form);
      setRevision(loaded.data.revision);
    }
  }, [loaded.data, spec]);
  useEffect(() => setKeyDraft(selected ?? ''), [selected]);

  const problems = useMemo(() => (spec ? checkFormSpec(spec) : []), [spec]);
  const save = useMutation({
    mutationFn: () => formsApi.save(itemId, spec!, revision),
    onSuccess: (r) => {
      setRevision(r.revision);
      setServerProblems(null);
      void message.success(t('designer.saved'));
      void queryClient.invalidateQueries({ queryKey: ['admin', 'forms'] });
      void queryClient.invalidateQueries({ queryKey: ['item'] });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'FORM_SPEC_INVALID') setServerProblems(problemsOf(error.details));
      showError(error);
    },
  });

  if (loaded.isError) return <Alert type="error" showIcon title={(loaded.error as Error).message} />;
  if (!spec || !loaded.data) return <Card loading />;

  const edit = (next: FormSpec) => {
    setSpec(next);
    setServerProblems(null);
  };
  const keys = layoutFields(spec);
  const current = selected ? spec.schema.properties[selected] : undefined;

  return (
    <div className="tb-stack">
      <Link to="/admin/forms">{t('designer.back')}</Link>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{t('designer.title')}：{loaded.data.name}</Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={8}>
          <Card title={<h2 className="tb-card-title">{t('designer.fieldsTitle')}</h2>}>
            {keys.length === 0 ? <Empty description={t('designer.empty')} /> : null}
            <ol className="tb-plain-list" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {keys.map((key, i) => {
                const f = spec.schema.properties[key]!;
                const label = fieldTitle(f, lang);
                return (
                  <li key={key} className="tb-form-designer-field" aria-current={selected === key ? 'true' : undefined}>
                    <div>
                      <strong>{label}</strong>{' '}
                      <Tag>{t(`widget.${f['x-widget']}` as FormsMessageKey)}</Tag>
                      {isRequired(spec.schema, key) ? <Tag color="blue">{t('designer.required')}</Tag> : null}
                      {f['x-showIf'] ? <Tag color="purple">{t('designer.showIf')}</Tag> : null}
                    </div>
                    <Space wrap size={4} style={{ marginTop: 4 }}>
                      <Button size="small" icon={<EditOutlined aria-hidden />} onClick={() => setSelected(key)} aria-label={t('designer.editField', { label })} />
                      <Button size="small" icon={<ArrowUpOutlined aria-hidden />} disabled={i === 0} onClick={() => edit(moveField(spec, key, -1))} aria-label={t('designer.moveUp', { label })} />
                      <Button size="small" icon={<ArrowDownOutlined aria-hidden />} disabled={i === keys.length - 1} onClick={() => edit(moveField(spec, key, 1))} aria-label={t('designer.moveDown', { label })} />
                      <Button
                        size="small" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('designer.remove', { label })}
                        onClick={() => {
                          edit(removeField(spec, key));
                          if (selected === key) setSelected(null);
                        }}
                      />
                    </Space>
                  </li>
                );
              })}
            </ol>
            <Button
              type="dashed" block icon={<PlusOutlined aria-hidden />} style={{ marginTop: 8 }}
              onClick={() => {
                const added = addField(spec, t('designer.newField'));
                edit(added.spec);
                setSelected(added.key);
              }}
            >
              {t('designer.addField')}
            </Button>
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={<h2 className="tb-card-title">{current ? t('designer.editField', { label: fieldTitle(current, lang) }) : t('designer.fieldsTitle')}</h2>}>
            {current && selected ? (
              <Form layout="vertical" component="div">
                <Form.Item label={t('designer.key')} htmlFor="fd-key">
                  <Input
                    id="fd-key"
                    value={keyDraft}
                    onChange={(e) => setKeyDraft(e.target.value)}
                    onBlur={() => {
                      const renamed = renameField(spec, selected, keyDraft.trim());
                      if (renamed) {
                        edit(renamed);
                        setSelected(keyDraft.trim());
                      } else setKeyDraft(selected);
                    }}
                  />
                </Form.Item>
                <FieldProperties
                  key={selected}
                  idPrefix="fd"
                  field={current}
                  required={isRequired(spec.schema, selected)}
                  inTable={false}
                  t={t}
                  onField={(f) => edit(setField(spec, selected, f))}
                  onRequired={(r) => edit({ ...spec, schema: { ...spec.schema, required: setRequired(spec.schema, selected, r) } })}
                />
                {current['x-widget'] === 'table' && current.items ? (
                  <ColumnsEditor fieldKey={selected} row={current.items} t={t} lang={lang} onRow={(row) => edit(setField(spec, selected, { ...current, items: row }))} />
                ) : null}
                <ShowIfEditor
                  spec={spec} fieldKey={selected} field={current} t={t} lang={lang}
                  onChange={(c) => edit(setField(spec, selected, c ? { ...current, 'x-showIf': c } : without(current, 'x-showIf')))}
                />
              </Form>
            ) : (
              <Empty description={t('designer.empty')} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={<h2 className="tb-card-title">{t('designer.preview')}</h2>}>
            {problems.length > 0 || serverProblems ? <ProblemList problems={serverProblems ?? problems} spec={spec} t={t} lang={lang} /> : null}
            {problems.length === 0 ? (
              <Form form={preview} layout="vertical" aria-label={t('designer.preview')} className="tb-form-preview">
                <FormFields spec={spec} form={preview} prefix="preview" />
              </Form>
            ) : null}
          </Card>
        </Col>
      </Row>
      <div>
        <Button type="primary" size="large" loading={save.isPending} onClick={() => save.mutate()}>
          {t('designer.save')}
        </Button>
      </div>
    </div>
  );
}
