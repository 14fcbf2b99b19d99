// Our own properties panel: reads and writes the tongban: attributes
// (docs/bpmn-support.md) of the selected element through bpmn-js's modeling
// service, so every change is one undoable command.
/* eslint-disable @typescript-eslint/no-explicit-any -- bpmn-js elements and services are untyped JavaScript */
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Descriptions, Empty, Input, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n';
import { workflowApi, type ExpressionCheck } from './api';
import type { AdminT } from './messages';
import {
  definitionsOf, durationText, errorCodes, eventDefinition, messageNames, setCardinality, setCondition, setErrorCode, setMessageName,
  setTimer, simpleDuration, type DurationUnit, type Editor,
} from './bpmn/model-edits';

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
// Supervision's five stages (tongban:stage); unset, supervision judges the stage by the step's name.
const STEP_STAGES = ['accept', 'handle', 'review', 'approve', 'conclude'] as const;
const ACCESS = ['editable', 'readonly', 'hidden'] as const;

const text = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : String(v));
const orUndefined = (v: string): string | undefined => (v.trim() === '' ? undefined : v.trim());

/** A labelled text input that commits on blur or Enter (one command per edit, not per key). */
function TextField({ label, value, onCommit, disabled, help, placeholder, suggestions, extra }: {
  label: string; value: string; onCommit: (v: string) => void; disabled?: boolean; help?: string; placeholder?: string;
  /** Offered in a datalist (existing message names, error codes). */
  suggestions?: string[];
  /** Rendered under the input, given the text typed so far and a commit. */
  extra?: (draft: string, commit: () => void) => ReactNode;
}) {
  const id = useId();
  const listId = useId();
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
        list={suggestions?.length ? listId : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onPressEnter={commit}
      />
      {suggestions?.length ? (
        <datalist id={listId}>
          {suggestions.map((v) => <option key={v} value={v} />)}
        </datalist>
      ) : null}
      {help ? <Typography.Text type="secondary" className="tb-props-help">{help}</Typography.Text> : null}
      {extra ? extra(draft, commit) : null}
    </div>
  );
}

// Check results outlive the panel, which remounts on every diagram change (a commit is one).
const checked = new Map<string, ExpressionCheck>();

/** A text field for an expression with a 检查 button that asks the server whether it parses (the browser has no parser). */
function ExpressionField(props: { label: string; value: string; onCommit: (v: string) => void; disabled?: boolean; help?: string; placeholder?: string; t: AdminT }) {
  const { t, ...field } = props;
  const { locale } = useI18n();
  const [busy, setBusy] = useState(false);
  const [, rerender] = useState(0);
  const [failed, setFailed] = useState<string | null>(null);
  const run = async (draft: string, commit: () => void) => {
    const text = draft.trim();
    if (!text) return;
    setBusy(true);
    setFailed(null);
    try {
      checked.set(text, await workflowApi.checkExpression(text));
      rerender((n) => n + 1);
    } catch (err) {
      setFailed(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
    commit();
  };
  return (
    <TextField
      {...field}
      extra={(draft, commit) => {
        const result = checked.get(draft.trim());
        return (
          <div className="tb-props-check">
            {field.disabled ? null : (
              <Button size="small" loading={busy} disabled={!draft.trim()} onMouseDown={(e) => e.preventDefault()} onClick={() => void run(draft, commit)}>
                {t('props.check')}
              </Button>
            )}
            {result ? (
              <Alert
                type={result.valid ? 'success' : 'error'}
                showIcon
                role="status"
                title={result.valid
                  ? t('props.checkOk')
                  : t('props.checkFailed', { position: (result.error?.position ?? 0) + 1, message: (locale === 'zh' ? result.error?.zh : result.error?.en) ?? '' })}
              />
            ) : null}
            {failed ? <Alert type="error" showIcon role="alert" title={failed} /> : null}
          </div>
        );
      }}
    />
  );
}

/** Amount and unit of a timer duration (P5WD, P3D, PT2H, PT30M), beside the raw text for dates and cycles. */
function TimerFields({ value, disabled, t, onCommit }: { value: string; disabled: boolean; t: AdminT; onCommit: (v: string) => void }) {
  const simple = simpleDuration(value);
  const [unit, setUnit] = useState<DurationUnit>(simple?.unit ?? 'workingDays');
  const amount = simple ? String(simple.amount) : '';
  const write = (a: string, u: DurationUnit) => {
    const n = Number(a.trim());
    if (Number.isInteger(n) && n > 0) onCommit(durationText(n, u));
  };
  return (
    <>
      <div className="tb-props-timer">
        <TextField label={t('props.timerAmount')} value={amount} disabled={disabled} placeholder="5" onCommit={(v) => write(v, unit)} />
        <SelectField
          label={t('props.timerUnit')}
          value={unit}
          disabled={disabled}
          options={(['workingDays', 'days', 'hours', 'minutes'] as const).map((u) => ({ value: u, label: t(`props.unit.${u}`) }))}
          onChange={(v) => {
            setUnit(v as DurationUnit);
            if (amount) write(amount, v as DurationUnit);
          }}
        />
      </div>
      <TextField label={t('props.timer')} value={value} disabled={disabled} placeholder="P5WD" help={timerMeaning(value, t)} onCommit={onCommit} />
    </>
  );
}

/** What a timer text means, in words (the server's validator has the last word). */
function timerMeaning(value: string, t: AdminT): string {
  const simple = simpleDuration(value);
  if (simple) return t(`props.timerMeans.${simple.unit}`, { n: simple.amount });
  if (!value.trim()) return t('props.timerMeans.empty');
  if (/^R/i.test(value.trim())) return t('props.timerMeans.cycle');
  if (/^\d{4}-/.test(value.trim())) return t('props.timerMeans.date');
  return t('props.timerMeans.other');
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
  // Published processes a call activity may call; read only when one is selected.
  const calling = element?.businessObject?.$type === 'bpmn:CallActivity';
  const published = useQuery({ queryKey: ['workflow', 'definitions'], queryFn: workflowApi.list, enabled: calling });
  if (!modeler || !element) return <Empty description={t('props.none')} />;
  const modeling = editable ? modeler.get('modeling') : null;
  const moddle = modeler.get('moddle');
  const bo = element.businessObject;
  const type: string = bo.$type;
  const isRoot = !element.parent;
  const update = (props: Record<string, unknown>) => modeling?.updateProperties(element, props);
  const updateOn = (target: any, props: Record<string, unknown>) => modeling?.updateModdleProperties(element, target, props);
  const disabled = !editable;
  const ed: Editor = { moddle, set: (target, props) => (target === bo ? update(props) : updateOn(target, props)) };
  const definitions = definitionsOf(bo);

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
        <SelectField
          label={t('props.stage')}
          value={text(bo.get('tongban:stage'))}
          disabled={disabled}
          options={[{ value: '', label: t('props.stage.byName') }, ...STEP_STAGES.map((s) => ({ value: s, label: t(`props.stage.${s}`) }))]}
          onChange={(v) => update({ 'tongban:stage': orUndefined(v) })}
        />
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
            <ExpressionField label={t('props.cardinality')} value={text(loop.loopCardinality?.body)} disabled={disabled} t={t}
              placeholder="reviewerCount" help={t('props.cardinalityHelp')} onCommit={(v) => setCardinality(ed, loop, v)} />
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
    const current = text(bo.calledElement);
    const keys = (published.data ?? []).filter((p) => p.published).map((p) => ({ value: p.key, label: `${p.name ?? p.key}（${p.key} · ${t('list.versionLabel', { version: p.published!.version })}）` }));
    const options = [
      { value: '', label: t('props.calledNone') },
      ...keys,
      ...(current && !keys.some((k) => k.value === current) ? [{ value: current, label: t('props.calledUnknown', { key: current }) }] : []),
    ];
    sections.push(
      <Section key="called" title={t('props.section.call')}>
        <SelectField label={t('props.calledElement')} value={current} disabled={disabled} options={options}
          onChange={(v) => update({ calledElement: orUndefined(v) })} />
        <Typography.Text type="secondary" className="tb-props-help">{t('props.calledHelp')}</Typography.Text>
      </Section>,
    );
  }

  const message = type === 'bpmn:ReceiveTask' ? bo : eventDefinition(bo, 'bpmn:MessageEventDefinition');
  if (message) {
    const where = type === 'bpmn:StartEvent' ? 'start' : type === 'bpmn:EndEvent' ? 'end' : 'wait';
    sections.push(
      <Section key="message" title={t('props.section.message')}>
        <TextField label={t('props.messageName')} value={text(message.messageRef?.name ?? message.messageRef?.id)} disabled={disabled}
          placeholder="payment-confirmed" suggestions={messageNames(definitions)} help={t(`props.messageHelp.${where}`)}
          onCommit={(v) => setMessageName(ed, definitions, message, v)} />
      </Section>,
    );
  }

  const error = eventDefinition(bo, 'bpmn:ErrorEventDefinition');
  if (error && (type === 'bpmn:EndEvent' || type === 'bpmn:BoundaryEvent')) {
    sections.push(
      <Section key="error" title={t('props.section.error')}>
        <TextField label={t('props.errorCode')} value={text(error.errorRef?.errorCode ?? error.errorRef?.id)} disabled={disabled}
          placeholder="MATERIAL_REFUSED" suggestions={errorCodes(definitions)}
          help={t(type === 'bpmn:EndEvent' ? 'props.errorHelp.throw' : 'props.errorHelp.catch')}
          onCommit={(v) => setErrorCode(ed, definitions, error, v)} />
      </Section>,
    );
  }

  if (type === 'bpmn:BoundaryEvent') {
    const interrupting = bo.cancelActivity !== false;
    sections.push(
      <Section key="boundary" title={t('props.section.boundary')}>
        <Checkbox checked={error ? true : interrupting} disabled={disabled || Boolean(error)} onChange={(e) => update({ cancelActivity: e.target.checked })}>
          {t('props.interrupting')}
        </Checkbox>
        <Typography.Text type="secondary" className="tb-props-help">
          {t(error ? 'props.interruptingError' : interrupting ? 'props.interruptingYes' : 'props.interruptingNo')}
        </Typography.Text>
      </Section>,
    );
  }

  const timer = (bo.eventDefinitions ?? []).find((d: any) => d.$type === 'bpmn:TimerEventDefinition');
  if (timer) {
    const current = timer.timeDuration ?? timer.timeDate ?? timer.timeCycle;
    sections.push(
      <Section key="timer" title={t('props.section.timer')}>
        <TimerFields value={text(current?.body)} disabled={disabled} t={t} onCommit={(v) => setTimer(ed, timer, v)} />
      </Section>,
    );
  }

  if (type === 'bpmn:SequenceFlow') {
    const source = element.source?.businessObject;
    if (source && (source.$type === 'bpmn:ExclusiveGateway' || source.$type === 'bpmn:InclusiveGateway')) {
      const isDefault = source.default === bo;
      sections.push(
        <Section key="condition" title={t('props.section.gateway')}>
          <ExpressionField
            label={t('props.condition')}
            value={text(bo.conditionExpression?.body)}
            disabled={disabled || isDefault}
            help={t('props.conditionHelp')}
            t={t}
            onCommit={(v) => setCondition(ed, bo, v)}
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
    } else if (bo.conditionExpression) {
      // Only a gateway's flows take conditions (CONDITION_NOT_ON_GATEWAY): let the user see and remove one from an imported file.
      sections.push(
        <Section key="condition" title={t('props.condition')}>
          <Alert type="warning" showIcon title={t('props.conditionNotOnGateway')} />
          <TextField label={t('props.condition')} value={text(bo.conditionExpression.body)} disabled={disabled} onCommit={(v) => setCondition(ed, bo, v)} />
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
