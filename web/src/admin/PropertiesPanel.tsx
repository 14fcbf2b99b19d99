// Our own properties panel: reads and writes the tongban: attributes
// (docs/bpmn-support.md) of the selected element through bpmn-js's modeling
// service, so every change is one undoable command.
/* eslint-disable @typescript-eslint/no-explicit-any -- bpmn-js elements and services are untyped JavaScript */
import { useEffect, useId, useState, type ReactNode } from 'react';
import { Button, Checkbox, Descriptions, Empty, Input, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { AdminT } from './messages';

interface Props {
  modeler: any;
  element: any;
  editable: boolean;
  t: AdminT;
  /** Bumped on every diagram change, so the fields re-read the model. */
  revision: number;
}

const ASSIGNEE_KINDS = ['department', 'role', 'user', 'applicantDepartment', 'expression'] as const;
const TIMEOUT_ACTIONS = ['remind', 'autoApprove', 'autoReject', 'escalate'] as const;
const ACCESS = ['editable', 'readonly', 'hidden'] as const;

const text = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : String(v));
const orUndefined = (v: string): string | undefined => (v.trim() === '' ? undefined : v.trim());

/** A labelled text input that commits on blur or Enter (one command per edit, not per key). */
function TextField({ label, value, onCommit, disabled, help, placeholder }: {
  label: string; value: string; onCommit: (v: string) => void; disabled?: boolean; help?: string; placeholder?: string;
}) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  return (
    <div className="tb-props-field">
      <label htmlFor={id}>{label}</label>
      <Input
        id={id}
        size="small"
        value={draft}
        disabled={disabled}
        placeholder={placeholder}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onPressEnter={commit}
      />
      {help ? <Typography.Text type="secondary" className="tb-props-help">{help}</Typography.Text> : null}
    </div>
  );
}

/** A native select: compact, keyboard- and screen-reader-friendly, one change event per choice. */
function NativeSelect({ id, value, options, onChange, disabled, width }: {
  id: string; value: string; options: { value: string; label: string }[]; onChange: (v: string) => void; disabled?: boolean; width?: number;
}) {
  return (
    <select id={id} className="tb-props-select" value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)} style={width ? { width } : undefined}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>{o.label}</option>
      ))}
    </select>
  );
}

function SelectField({ label, value, options, onChange, disabled }: {
  label: string; value: string; options: { value: string; label: string }[]; onChange: (v: string) => void; disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="tb-props-field">
      <label htmlFor={id}>{label}</label>
      <NativeSelect id={id} value={value} options={options} onChange={onChange} disabled={disabled} />
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="tb-props-section">
      <Typography.Title level={3} className="tb-props-section-title">{title}</Typography.Title>
      {children}
    </section>
  );
}

export function PropertiesPanel({ modeler, element, editable, t }: Props) {
  if (!modeler || !element) return <Empty description={t('props.none')} />;
  const modeling = editable ? modeler.get('modeling') : null;
  const moddle = modeler.get('moddle');
  const bo = element.businessObject;
  const type: string = bo.$type;
  const isRoot = !element.parent;
  const update = (props: Record<string, unknown>) => modeling?.updateProperties(element, props);
  const updateOn = (target: any, props: Record<string, unknown>) => modeling?.updateModdleProperties(element, target, props);
  const disabled = !editable;

  if (isRoot && type === 'bpmn:Collaboration') {
    const pools: any[] = bo.participants ?? [];
    return (
      <Section title={t('props.collaboration')}>
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{t('props.collaborationHelp')}</Typography.Paragraph>
        <Descriptions size="small" column={1} items={pools.map((p, i) => ({
          key: p.id ?? String(i),
          label: text(p.name) || t('props.pool'),
          children: p.processRef ? <code>{text(p.processRef.id)}</code> : '—',
        }))} />
      </Section>
    );
  }

  if (isRoot) {
    return (
      <Section title={t('props.process')}>
        <TextField label={t('props.processKey')} value={text(bo.id)} disabled={disabled || type !== 'bpmn:Process'}
          onCommit={(v) => orUndefined(v) && update({ id: v.trim() })} />
        <TextField label={t('props.processName')} value={text(bo.name)} disabled={disabled} onCommit={(v) => update({ name: orUndefined(v) })} />
        <Descriptions size="small" column={1} items={[{ key: 'type', label: t('props.type'), children: type }]} />
      </Section>
    );
  }

  if (type === 'bpmn:Participant' && bo.processRef) {
    const proc = bo.processRef;
    return (
      <Section title={t('props.process')}>
        <TextField label={t('props.name')} value={text(bo.name)} disabled={disabled} onCommit={(v) => update({ name: orUndefined(v) })} />
        <TextField label={t('props.processKey')} value={text(proc.id)} disabled={disabled}
          onCommit={(v) => orUndefined(v) && updateOn(proc, { id: v.trim() })} />
        <TextField label={t('props.processName')} value={text(proc.name)} disabled={disabled} onCommit={(v) => updateOn(proc, { name: orUndefined(v) })} />
      </Section>
    );
  }

  const common = (
    <>
      <Descriptions size="small" column={1} items={[
        { key: 'id', label: t('props.id'), children: <code>{bo.id}</code> },
        { key: 'type', label: t('props.type'), children: type },
      ]} />
      <TextField label={t('props.name')} value={text(bo.name)} disabled={disabled} onCommit={(v) => update({ name: orUndefined(v) })} />
    </>
  );

  const sections: ReactNode[] = [];

  if (type === 'bpmn:UserTask') {
    const kind = text(bo.get('tongban:assigneeKind'));
    const timeout = text(bo.get('tongban:timeoutAction'));
    const loop = bo.loopCharacteristics?.$type === 'bpmn:MultiInstanceLoopCharacteristics' ? bo.loopCharacteristics : null;
    const mode = loop ? (loop.isSequential ? 'sequential' : 'parallel') : 'none';
    const completion = loop ? text(loop.get('tongban:completion')) || 'all' : 'all';
    sections.push(
      <Section key="assignee" title={t('props.section.handling')}>
        <SelectField
          label={t('props.assigneeKind')}
          value={kind}
          disabled={disabled}
          options={[{ value: '', label: t('props.kind.none') }, ...ASSIGNEE_KINDS.map((k) => ({ value: k, label: t(`props.kind.${k}`) }))]}
          onChange={(v) => update({ 'tongban:assigneeKind': orUndefined(v), ...(v === 'applicantDepartment' ? { 'tongban:assignee': undefined } : {}) })}
        />
        <TextField
          label={t('props.assignee')}
          value={text(bo.get('tongban:assignee'))}
          disabled={disabled || kind === 'applicantDepartment' || kind === ''}
          help={kind ? t(`props.assigneeHelp.${kind as (typeof ASSIGNEE_KINDS)[number]}`) : undefined}
          onCommit={(v) => update({ 'tongban:assignee': orUndefined(v) })}
        />
        <TextField label={t('props.limitDays')} value={text(bo.get('tongban:limitDays'))} disabled={disabled}
          onCommit={(v) => update({ 'tongban:limitDays': orUndefined(v) })} />
        <SelectField
          label={t('props.timeoutAction')}
          value={timeout}
          disabled={disabled}
          options={[{ value: '', label: t('props.timeout.none') }, ...TIMEOUT_ACTIONS.map((a) => ({ value: a, label: t(`props.timeout.${a}`) }))]}
          onChange={(v) => update({ 'tongban:timeoutAction': orUndefined(v), ...(v !== 'escalate' ? { 'tongban:escalateTo': undefined } : {}) })}
        />
        {timeout === 'escalate' ? (
          <TextField label={t('props.escalateTo')} value={text(bo.get('tongban:escalateTo'))} disabled={disabled}
            onCommit={(v) => update({ 'tongban:escalateTo': orUndefined(v) })} />
        ) : null}
      </Section>,
      <Section key="multi" title={t('props.section.multi')}>
        <SelectField
          label={t('props.multi')}
          value={mode}
          disabled={disabled}
          options={(['none', 'parallel', 'sequential'] as const).map((m) => ({ value: m, label: t(`props.multi.${m}`) }))}
          onChange={(v) => {
            if (v === 'none') update({ loopCharacteristics: undefined });
            else if (loop) updateOn(loop, { isSequential: v === 'sequential' });
            else update({ loopCharacteristics: moddle.create('bpmn:MultiInstanceLoopCharacteristics', { isSequential: v === 'sequential' }) });
          }}
        />
        {loop ? (
          <>
            <SelectField
              label={t('props.completion')}
              value={completion}
              disabled={disabled}
              options={(['all', 'any', 'ratio'] as const).map((c) => ({ value: c, label: t(`props.completion.${c}`) }))}
              onChange={(v) => updateOn(loop, { 'tongban:completion': v === 'all' ? undefined : v, ...(v !== 'ratio' ? { 'tongban:ratio': undefined } : {}) })}
            />
            {completion === 'ratio' ? (
              <TextField label={t('props.ratio')} value={text(loop.get('tongban:ratio'))} disabled={disabled} placeholder="0.6"
                onCommit={(v) => updateOn(loop, { 'tongban:ratio': orUndefined(v) })} />
            ) : null}
          </>
        ) : null}
      </Section>,
      <FormFields key="form" element={element} modeler={modeler} editable={editable} t={t} />,
    );
  }

  if (type === 'bpmn:ServiceTask') {
    sections.push(
      <Section key="handler" title={t('props.handler')}>
        <TextField label={t('props.handler')} value={text(bo.get('tongban:handler'))} disabled={disabled}
          onCommit={(v) => update({ 'tongban:handler': orUndefined(v) })} />
      </Section>,
    );
  }

  if (type === 'bpmn:CallActivity') {
    sections.push(
      <Section key="called" title={t('props.calledElement')}>
        <TextField label={t('props.calledElement')} value={text(bo.calledElement)} disabled={disabled}
          onCommit={(v) => update({ calledElement: orUndefined(v) })} />
      </Section>,
    );
  }

  const timer = (bo.eventDefinitions ?? []).find((d: any) => d.$type === 'bpmn:TimerEventDefinition');
  if (timer) {
    const current = timer.timeDuration ?? timer.timeDate ?? timer.timeCycle;
    sections.push(
      <Section key="timer" title={t('props.timer')}>
        <TextField label={t('props.timer')} value={text(current?.body)} disabled={disabled} placeholder="P5WD"
          onCommit={(v) => {
            const body = v.trim();
            const expr = body ? moddle.create('bpmn:FormalExpression', { body }) : undefined;
            const slot = /^R/i.test(body) ? 'timeCycle' : /^\d{4}-/.test(body) ? 'timeDate' : 'timeDuration';
            updateOn(timer, { timeDuration: undefined, timeDate: undefined, timeCycle: undefined, ...(expr ? { [slot]: expr } : {}) });
          }} />
      </Section>,
    );
  }

  if (type === 'bpmn:SequenceFlow') {
    const source = element.source?.businessObject;
    if (source && (source.$type === 'bpmn:ExclusiveGateway' || source.$type === 'bpmn:InclusiveGateway')) {
      const isDefault = source.default === bo;
      sections.push(
        <Section key="condition" title={t('props.section.gateway')}>
          <TextField
            label={t('props.condition')}
            value={text(bo.conditionExpression?.body)}
            disabled={disabled || isDefault}
            help={t('props.conditionHelp')}
            onCommit={(v) => update({ conditionExpression: orUndefined(v) ? moddle.create('bpmn:FormalExpression', { body: v.trim() }) : undefined })}
          />
          <Checkbox
            checked={isDefault}
            disabled={disabled}
            onChange={(e) => {
              if (e.target.checked) {
                update({ conditionExpression: undefined });
                modeling.updateProperties(element.source, { default: bo });
              } else {
                modeling.updateProperties(element.source, { default: undefined });
              }
            }}
          >
            {t('props.isDefault')}
          </Checkbox>
        </Section>,
      );
    }
  }

  return (
    <div>
      <Section title={t('props.title')}>{common}</Section>
      {sections}
    </div>
  );
}

/** <tongban:formField key access/> entries inside the user task's extensionElements. */
function FormFields({ element, modeler, editable, t }: { element: any; modeler: any; editable: boolean; t: AdminT }) {
  const bo = element.businessObject;
  const moddle = modeler.get('moddle');
  const modeling = editable ? modeler.get('modeling') : null;
  const ext = bo.extensionElements;
  const values: any[] = ext?.values ?? [];
  const fields = values.filter((v) => v.$type === 'tongban:FormField');
  const others = values.filter((v) => v.$type !== 'tongban:FormField');

  const write = (next: { key: string; access: string }[]) => {
    let container = ext;
    if (!container) {
      container = moddle.create('bpmn:ExtensionElements', { values: [] });
      container.$parent = bo;
      modeling.updateProperties(element, { extensionElements: container });
    }
    const created = next.map((f) => {
      const el = moddle.create('tongban:FormField', { key: f.key, access: f.access });
      el.$parent = container;
      return el;
    });
    modeling.updateModdleProperties(element, container, { values: [...others, ...created] });
  };
  const rows = fields.map((f) => ({ key: text(f.get('key')), access: text(f.get('access')) || 'readonly' }));

  return (
    <Section title={t('props.formFields')}>
      <Space orientation="vertical" style={{ width: '100%' }} size={4}>
        {rows.map((row, i) => (
          <FormFieldRow
            key={`${i}-${row.key}`}
            row={row}
            editable={editable}
            t={t}
            onChange={(next) => write(rows.map((r, j) => (j === i ? next : r)))}
            onRemove={() => write(rows.filter((_, j) => j !== i))}
          />
        ))}
        {editable ? (
          <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => write([...rows, { key: `field${rows.length + 1}`, access: 'readonly' }])}>
            {t('props.addFormField')}
          </Button>
        ) : null}
      </Space>
    </Section>
  );
}

function FormFieldRow({ row, editable, t, onChange, onRemove }: {
  row: { key: string; access: string }; editable: boolean; t: AdminT;
  onChange: (r: { key: string; access: string }) => void; onRemove: () => void;
}) {
  const keyId = useId();
  const accessId = useId();
  const [key, setKey] = useState(row.key);
  useEffect(() => setKey(row.key), [row.key]);
  const commit = () => key.trim() && key !== row.key && onChange({ ...row, key: key.trim() });
  return (
    <div className="tb-props-formfield">
      <label htmlFor={keyId} className="sr-only">{t('props.formKey')}</label>
      <Input id={keyId} size="small" value={key} disabled={!editable} onChange={(e) => setKey(e.target.value)} onBlur={commit} onPressEnter={commit} />
      <label htmlFor={accessId} className="sr-only">{t('props.formAccess')}</label>
      <NativeSelect
        id={accessId}
        value={row.access}
        disabled={!editable}
        width={96}
        options={ACCESS.map((a) => ({ value: a, label: t(`props.access.${a}`) }))}
        onChange={(access) => onChange({ ...row, access })}
      />
      {editable ? (
        <Button size="small" type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('props.removeFormField', { key: row.key })} onClick={onRemove} />
      ) : null}
    </div>
  );
}
