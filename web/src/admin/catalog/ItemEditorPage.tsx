// One service item: every standard element, its materials, its versions.
// A draft is edited and published; a published version is shown read-only.
import { useEffect, useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert, App, Button, Card, Checkbox, Col, Form, Input, InputNumber, Modal, Popconfirm, Row, Select, Space, Spin, Switch, Table, Tag, TreeSelect, Upload,
} from 'antd';
import { DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { ApiError, apiLanguage } from '../../api/client';
import { useI18n } from '../../i18n';
import { ErrorAlert, useShowError } from '../../ui/errors';
import { LinkButton } from '../../ui/LinkButton';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { catalogApi, categoryTree, type DiffEntry, type ItemContent, type Problem, type VersionSummary } from './api';
import { useCatalogT, type CatalogT } from './messages';

const EMPTY: ItemContent = {
  code: '', name: '', departmentId: '', categoryId: null, itemType: 'promised', legalBasis: '', legalDays: 20, promisedDays: 10,
  limitUnit: 'workday', description: '',
  codeParts: { typeCode: null, mainCode: null, subCode: null, implementerCode: null, handlingSeq: null },
  conditions: '', fee: { free: true, items: [] }, location: '', hours: '', contactPhone: '', complaintPhone: '',
  // 申请人/受理人回避 is on for a new item: turning it off is the exception a small station may need.
  allowsDeficientAcceptance: false, separateDuties: true, formFields: [], formSpec: null, processKey: null,
  materials: [{ name: '', originalOrCopy: 'original', copies: 1, requirement: 'required', condition: '', medium: 'electronic', sampleUploadId: null, elicenceType: null, deferrable: false }],
};

const nul = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** The form's values back into content: blanks as null, the form kept as loaded. */
function toContent(v: ItemContent, base: ItemContent): ItemContent {
  return {
    ...base,
    ...v,
    categoryId: v.categoryId ?? null,
    processKey: nul(v.processKey),
    codeParts: {
      typeCode: nul(v.codeParts?.typeCode), mainCode: nul(v.codeParts?.mainCode), subCode: nul(v.codeParts?.subCode),
      implementerCode: nul(v.codeParts?.implementerCode), handlingSeq: nul(v.codeParts?.handlingSeq),
    },
    fee: { free: !!v.fee?.free, items: v.fee?.free ? [] : (v.fee?.items ?? []) },
    formFields: base.formFields,
    formSpec: base.formSpec,
    materials: (v.materials ?? []).map((m) => ({
      ...m, condition: m.condition ?? '', elicenceType: nul(m.elicenceType), sampleUploadId: m.sampleUploadId ?? null, deferrable: !!m.deferrable,
    })),
  };
}

function composed(parts: ItemContent['codeParts'] | undefined, t: CatalogT): string {
  const p = parts ?? EMPTY.codeParts;
  const basic = p.typeCode && p.mainCode && p.subCode ? `${p.typeCode}${p.mainCode}${p.subCode}` : null;
  const impl = basic && p.implementerCode ? `${p.implementerCode}${basic}` : null;
  const handling = impl && p.handlingSeq ? `${impl}${p.handlingSeq}` : null;
  const show = (s: string | null) => s ?? t('edit.incomplete');
  return t('edit.composed', { basic: show(basic), impl: show(impl), handling: show(handling) });
}

function show(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return v || '—';
  return JSON.stringify(v);
}

/** Element paths of a diff in the screen's words: `materials[营业执照].copies` → 申请材料「营业执照」· 份数. */
const PATH_LABEL: Record<string, string> = {
  code: 'edit.code', name: 'edit.name', departmentId: 'edit.department', categoryId: 'edit.category', itemType: 'edit.itemType',
  legalBasis: 'edit.legalBasis', legalDays: 'edit.legalDays', promisedDays: 'edit.promisedDays', limitUnit: 'edit.limitUnit',
  description: 'edit.description', codeParts: 'edit.codeParts', conditions: 'edit.conditions', fee: 'edit.feeTitle',
  location: 'edit.location', hours: 'edit.hours', contactPhone: 'edit.contactPhone', complaintPhone: 'edit.complaintPhone',
  allowsDeficientAcceptance: 'edit.deficient', separateDuties: 'edit.separateDuties', formFields: 'edit.form', formSpec: 'edit.form', processKey: 'edit.process',
  originalOrCopy: 'edit.matOriginal', copies: 'edit.matCopies', requirement: 'edit.matRequirement', condition: 'edit.matCondition',
  medium: 'edit.matMedium', sampleUploadId: 'edit.matSample', elicenceType: 'edit.matElicence', deferrable: 'edit.matDeferrable',
  'materials.order': 'edit.materials',
};
function pathLabel(path: string, t: CatalogT): string {
  const label = (k: string) => (PATH_LABEL[k] ? t(PATH_LABEL[k] as Parameters<CatalogT>[0]) : k);
  const m = /^materials\[(.+)\](?:\.(\w+))?$/.exec(path);
  if (m) return `${t('edit.materials')}「${m[1]}」${m[2] ? ` · ${m[2] === 'name' ? t('edit.matName') : label(m[2])}` : ''}`;
  return label(path);
}

function DiffModal({ itemId, from, to, onClose }: { itemId: string; from: VersionSummary; to: VersionSummary; onClose: () => void }) {
  const t = useCatalogT();
  const diff = useQuery({ queryKey: ['catalog', 'diff', from.id, to.id], queryFn: () => catalogApi.diff(itemId, from.id, to.id) });
  return (
    <Modal open title={t('edit.diffTitle', { from: from.version, to: to.version })} onCancel={onClose} footer={null} width={900}>
      {diff.error ? <ErrorAlert error={diff.error} /> : (
        <Table<DiffEntry>
          size="small" rowKey="path" loading={diff.isLoading} dataSource={diff.data ?? []} pagination={false} scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('edit.diffNone') }}
          columns={[
            { title: t('edit.diffPath'), dataIndex: 'path', render: (p: string) => pathLabel(p, t) },
            { title: t('edit.diffBefore'), dataIndex: 'before', render: (v: unknown) => <span className="tb-diff-before">{show(v)}</span> },
            { title: t('edit.diffAfter'), dataIndex: 'after', render: (v: unknown) => <span className="tb-diff-after">{show(v)}</span> },
          ]}
        />
      )}
    </Modal>
  );
}

export function ItemEditorPage() {
  const t = useCatalogT();
  const { formatDateTime } = useI18n();
  const { id } = useParams();
  const isNew = !id;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<ItemContent>();
  const [comparing, setComparing] = useState<[VersionSummary, VersionSummary] | null>(null);
  const [problemNote, setProblemNote] = useState<string | null>(null);

  const departments = useQuery({ queryKey: ['catalog', 'departments'], queryFn: catalogApi.departments });
  const categories = useQuery({ queryKey: ['catalog', 'categories'], queryFn: catalogApi.categories });
  const processes = useQuery({ queryKey: ['catalog', 'processes'], queryFn: catalogApi.processes });
  const versions = useQuery({ queryKey: ['catalog', 'versions', id], queryFn: () => catalogApi.versions(id!), enabled: !isNew });
  const draft = versions.data?.find((v) => v.status === 'draft');
  const published = versions.data?.find((v) => v.status === 'published');
  const shown = draft ?? published;
  const version = useQuery({ queryKey: ['catalog', 'version', shown?.id], queryFn: () => catalogApi.version(shown!.id), enabled: !!shown });
  const base = isNew ? EMPTY : version.data?.content;
  const editable = isNew || !!draft;
  useDocumentTitle(isNew ? t('edit.titleNew') : t('edit.title', { name: base?.name ?? '' }));

  useEffect(() => {
    if (base) form.setFieldsValue(base);
  }, [base, form]);
  const feeFree = Form.useWatch(['fee', 'free'], form);
  const parts = Form.useWatch('codeParts', form);
  const allowsDeficient = Form.useWatch('allowsDeficientAcceptance', form);

  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['catalog'] });
  const onProblems = (e: unknown) => {
    const problems = e instanceof ApiError ? ((e.details as { problems?: Problem[] } | undefined)?.problems ?? []) : [];
    if (problems.length) {
      form.setFields(problems.map((p) => ({
        name: p.path.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)) as (string | number)[],
        errors: [t(`err.${p.code}` as Parameters<CatalogT>[0]) === `err.${p.code}` ? t('err.field') : t(`err.${p.code}` as Parameters<CatalogT>[0])],
      })));
      setProblemNote(t('edit.fixErrors'));
    }
    showError(e);
  };
  const save = useMutation({
    mutationFn: async (v: ItemContent) => {
      const content = toContent(v, base ?? EMPTY);
      if (isNew) return { created: await catalogApi.create(content) };
      return { saved: await catalogApi.saveDraft(id!, content, draft?.updatedAt) };
    },
    onSuccess: (r) => {
      setProblemNote(null);
      form.setFields(form.getFieldsError().filter((f) => f.errors.length > 0).map((f) => ({ name: f.name, errors: [] })));
      void message.success(t('edit.saved'));
      refresh();
      if ('created' in r && r.created) navigate(`/admin/catalog/items/${r.created.itemId}`, { replace: true });
    },
    onError: onProblems,
  });
  const start = useMutation({ mutationFn: () => catalogApi.startDraft(id!), onSuccess: refresh, onError: showError });
  const publish = useMutation({
    mutationFn: () => catalogApi.publish(id!),
    onSuccess: (r) => { void message.success(t('edit.published', { version: r.version })); refresh(); },
    onError: onProblems,
  });
  const discard = useMutation({
    mutationFn: () => catalogApi.discardDraft(id!),
    onSuccess: () => { void message.success(t('edit.discarded')); refresh(); },
    onError: showError,
  });
  const tree = useMemo(() => categoryTree(categories.data ?? []), [categories.data]);
  const enumOptions = <K extends string>(prefix: string, keys: K[]) => keys.map((k) => ({ value: k, label: t(`${prefix}.${k}` as Parameters<CatalogT>[0]) }));

  if (!isNew && (versions.isLoading || version.isLoading)) return <Spin />;
  if (versions.error || version.error) return <ErrorAlert error={versions.error ?? version.error} />;

  const versionColumns = [
    { title: t('edit.vVersion'), dataIndex: 'version', render: (v: number) => `V${v}` },
    { title: t('edit.vStatus'), dataIndex: 'status', render: (s: VersionSummary['status']) => <Tag color={s === 'published' ? 'green' : s === 'draft' ? 'orange' : undefined}>{t(`status.${s}`)}</Tag> },
    { title: t('edit.vCreated'), key: 'created', render: (_: unknown, v: VersionSummary) => `${formatDateTime(v.createdAt)} ${v.createdBy ?? ''}` },
    { title: t('edit.vPublished'), key: 'published', render: (_: unknown, v: VersionSummary) => (v.publishedAt ? `${formatDateTime(v.publishedAt)} ${v.publishedBy ?? ''}` : '—') },
    {
      title: '', key: 'compare',
      render: (_: unknown, v: VersionSummary) => {
        const prev = versions.data?.find((x) => x.version === v.version - 1);
        return prev ? <Button size="small" onClick={() => setComparing([prev, v])} aria-label={`${t('edit.vCompare')} V${v.version}`}>{t('edit.vCompare')}</Button> : null;
      },
    },
  ];

  return (
    <div className="tb-catalog-editor">
      <Space style={{ marginBottom: 8 }}><LinkButton to="/admin/catalog">{t('edit.back')}</LinkButton></Space>
      <h1>{isNew ? t('edit.titleNew') : t('edit.title', { name: base?.name ?? '' })}</h1>
      {!isNew && !draft && published && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('edit.readOnly', { version: published.version })}
          action={<Button type="primary" loading={start.isPending} onClick={() => start.mutate()}>{t('edit.startDraft')}</Button>} />
      )}
      {draft && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('edit.editingDraft', { version: draft.version })} />}
      {problemNote && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} message={problemNote} />}
      <Form<ItemContent> form={form} layout="vertical" disabled={!editable} onFinish={(v) => save.mutate(v)} scrollToFirstError>
        <Card title={t('edit.basic')} size="small" style={{ marginBottom: 12 }}>
          <Row gutter={12}>
            <Col xs={24} md={8}><Form.Item name="code" label={t('edit.code')} rules={[{ required: true }]}><Input /></Form.Item></Col>
            <Col xs={24} md={16}><Form.Item name="name" label={t('edit.name')} rules={[{ required: true }]}><Input /></Form.Item></Col>
            <Col xs={24} md={8}>
              <Form.Item name="departmentId" label={t('edit.department')} rules={[{ required: true }]}>
                <Select options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="categoryId" label={t('edit.category')}>
                <TreeSelect allowClear treeData={tree} treeDefaultExpandAll />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="itemType" label={t('edit.itemType')}><Select options={enumOptions('type', ['immediate', 'promised', 'joint', 'reported'])} /></Form.Item>
            </Col>
            <Col xs={8} md={4}><Form.Item name="legalDays" label={t('edit.legalDays')}><InputNumber min={0} max={3650} style={{ width: '100%' }} /></Form.Item></Col>
            <Col xs={8} md={4}><Form.Item name="promisedDays" label={t('edit.promisedDays')}><InputNumber min={0} max={3650} style={{ width: '100%' }} /></Form.Item></Col>
            <Col xs={8} md={4}><Form.Item name="limitUnit" label={t('edit.limitUnit')}><Select options={enumOptions('unit', ['workday', 'day', 'hour'])} /></Form.Item></Col>
            <Col xs={24} md={12}>
              <Form.Item name="processKey" label={t('edit.process')}>
                <Select allowClear showSearch options={(processes.data ?? []).filter((p) => p.published).map((p) => ({ value: p.key, label: `${p.name ?? p.key}（${p.key}）` }))} />
              </Form.Item>
            </Col>
            <Col span={24}><Form.Item name="legalBasis" label={t('edit.legalBasis')}><Input.TextArea autoSize={{ minRows: 2 }} /></Form.Item></Col>
            <Col span={24}><Form.Item name="conditions" label={t('edit.conditions')}><Input.TextArea autoSize={{ minRows: 2 }} /></Form.Item></Col>
            <Col span={24}><Form.Item name="description" label={t('edit.description')}><Input.TextArea autoSize={{ minRows: 2 }} /></Form.Item></Col>
          </Row>
        </Card>

        <Card title={t('edit.codeParts')} size="small" style={{ marginBottom: 12 }}>
          <Row gutter={12}>
            <Col xs={12} md={4}><Form.Item name={['codeParts', 'typeCode']} label={t('edit.typeCode')}><Input maxLength={2} /></Form.Item></Col>
            <Col xs={12} md={4}><Form.Item name={['codeParts', 'mainCode']} label={t('edit.mainCode')}><Input maxLength={7} /></Form.Item></Col>
            <Col xs={12} md={4}><Form.Item name={['codeParts', 'subCode']} label={t('edit.subCode')}><Input maxLength={3} /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item name={['codeParts', 'implementerCode']} label={t('edit.implementerCode')}><Input maxLength={18} /></Form.Item></Col>
            <Col xs={12} md={4}><Form.Item name={['codeParts', 'handlingSeq']} label={t('edit.handlingSeq')}><Input maxLength={3} /></Form.Item></Col>
          </Row>
          <p className="tb-muted" aria-live="polite">{composed(parts, t)}</p>
        </Card>

        <Card title={t('edit.feeTitle')} size="small" style={{ marginBottom: 12 }}>
          <Form.Item name={['fee', 'free']} valuePropName="checked"><Checkbox>{t('edit.feeFree')}</Checkbox></Form.Item>
          {!feeFree && (
            <Form.List name={['fee', 'items']}>
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f, i) => (
                    <Row gutter={8} key={f.key} align="bottom">
                      <Col xs={24} md={6}><Form.Item name={[f.name, 'name']} label={t('edit.feeName')}><Input /></Form.Item></Col>
                      <Col xs={24} md={4}><Form.Item name={[f.name, 'amount']} label={t('edit.feeAmount')}><InputNumber min={0} style={{ width: '100%' }} /></Form.Item></Col>
                      <Col xs={24} md={12}><Form.Item name={[f.name, 'basis']} label={t('edit.feeBasis')}><Input /></Form.Item></Col>
                      <Col xs={24} md={2}><Form.Item><Button icon={<DeleteOutlined aria-hidden />} aria-label={t('edit.feeRemove', { index: i + 1 })} onClick={() => remove(f.name)} /></Form.Item></Col>
                    </Row>
                  ))}
                  <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ name: '', amount: 0, basis: '' })}>{t('edit.feeAdd')}</Button>
                </>
              )}
            </Form.List>
          )}
        </Card>

        <Card title={t('edit.where')} size="small" style={{ marginBottom: 12 }}>
          <Row gutter={12}>
            <Col xs={24} md={12}><Form.Item name="location" label={t('edit.location')}><Input /></Form.Item></Col>
            <Col xs={24} md={12}><Form.Item name="hours" label={t('edit.hours')}><Input /></Form.Item></Col>
            <Col xs={24} md={6}><Form.Item name="contactPhone" label={t('edit.contactPhone')}><Input inputMode="tel" /></Form.Item></Col>
            <Col xs={24} md={6}><Form.Item name="complaintPhone" label={t('edit.complaintPhone')}><Input inputMode="tel" /></Form.Item></Col>
            <Col xs={24} md={12}>
              <Form.Item name="allowsDeficientAcceptance" label={t('edit.deficient')} valuePropName="checked" extra={t('edit.deficientHelp')}>
                <Switch />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="separateDuties" label={t('edit.separateDuties')} valuePropName="checked" extra={t('edit.separateDutiesHelp')}>
                <Switch />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title={t('edit.materials')} size="small" style={{ marginBottom: 12 }}>
          <Form.List name="materials">
            {(fields, { add, remove }) => (
              <div className="tb-materials">
                {fields.map((f, i) => (
                  <fieldset key={f.key} className="tb-material">
                    <legend>{`${i + 1}.`}</legend>
                    <Form.Item name={[f.name, 'id']} hidden><Input /></Form.Item>
                    <Form.Item name={[f.name, 'sampleUploadId']} hidden><Input /></Form.Item>
                    <Row gutter={8}>
                      <Col xs={24} md={10}><Form.Item name={[f.name, 'name']} label={t('edit.matName')}><Input /></Form.Item></Col>
                      <Col xs={12} md={5}><Form.Item name={[f.name, 'originalOrCopy']} label={t('edit.matOriginal')}><Select options={enumOptions('orig', ['original', 'copy', 'both'])} /></Form.Item></Col>
                      <Col xs={12} md={3}><Form.Item name={[f.name, 'copies']} label={t('edit.matCopies')}><InputNumber min={1} max={99} style={{ width: '100%' }} /></Form.Item></Col>
                      <Col xs={12} md={6}><Form.Item name={[f.name, 'medium']} label={t('edit.matMedium')}><Select options={enumOptions('medium', ['paper', 'electronic', 'both'])} /></Form.Item></Col>
                      <Col xs={12} md={5}><Form.Item name={[f.name, 'requirement']} label={t('edit.matRequirement')}><Select options={enumOptions('req', ['required', 'conditional'])} /></Form.Item></Col>
                      <Col xs={24} md={9}><Form.Item name={[f.name, 'condition']} label={t('edit.matCondition')}><Input /></Form.Item></Col>
                      <Col xs={24} md={6}><Form.Item name={[f.name, 'elicenceType']} label={t('edit.matElicence')}><Input /></Form.Item></Col>
                      <Col xs={12} md={4}>
                        <Form.Item name={[f.name, 'deferrable']} label={t('edit.matDeferrable')} valuePropName="checked">
                          <Switch disabled={!editable || !allowsDeficient} />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={14}>
                        <Form.Item label={t('edit.matSample')}>
                          <Space>
                            {form.getFieldValue(['materials', f.name, 'sampleUploadId']) && <Tag color="green">{t('edit.matHasSample')}</Tag>}
                            <Upload
                              action="/api/uploads" withCredentials showUploadList={false} headers={{ 'Accept-Language': apiLanguage() }}
                              accept=".pdf,.jpg,.jpeg,.png"
                              onChange={(info) => {
                                if (info.file.status === 'done') form.setFieldValue(['materials', f.name, 'sampleUploadId'], (info.file.response as { id: string }).id);
                                if (info.file.status === 'error') showError(info.file.error);
                              }}
                            >
                              <Button icon={<UploadOutlined aria-hidden />}>{t('edit.matUpload')}</Button>
                            </Upload>
                          </Space>
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={6}>
                        <Form.Item label=" ">
                          <Button danger icon={<DeleteOutlined aria-hidden />} onClick={() => remove(f.name)}>{t('edit.matRemove', { index: i + 1 })}</Button>
                        </Form.Item>
                      </Col>
                    </Row>
                  </fieldset>
                ))}
                <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ ...EMPTY.materials[0] })}>{t('edit.matAdd')}</Button>
              </div>
            )}
          </Form.List>
        </Card>

        <Card title={t('edit.form')} size="small" style={{ marginBottom: 12 }}>
          <p>{t('edit.formNote', { count: (base?.formFields ?? []).length })}</p>
        </Card>

        {editable && (
          <Space wrap className="tb-catalog-actions">
            <Button type="primary" htmlType="submit" loading={save.isPending}>{t('edit.save')}</Button>
            {draft && (
              <Popconfirm title={t('edit.publishConfirm')} onConfirm={() => publish.mutate()}>
                <Button loading={publish.isPending}>{t('edit.publish')}</Button>
              </Popconfirm>
            )}
            {draft && published && (
              <Popconfirm title={t('edit.discard')} onConfirm={() => discard.mutate()}>
                <Button danger>{t('edit.discard')}</Button>
              </Popconfirm>
            )}
          </Space>
        )}
      </Form>
      {!isNew && (
        <Card title={t('edit.versions')} size="small" style={{ marginTop: 16 }}>
          <Table<VersionSummary> size="small" rowKey="id" pagination={false} scroll={{ x: 'max-content' }} dataSource={versions.data ?? []} columns={versionColumns} />
        </Card>
      )}
      {comparing && id && <DiffModal itemId={id} from={comparing[0]} to={comparing[1]} onClose={() => setComparing(null)} />}
    </div>
  );
}
