// 窗口接件: the clerk chooses the item, registers the applicant by ID number
// or credit code (a known applicant and their earlier answers are filled in:
// 解决二次录入), fills the form, adds scans and submits on their behalf.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Radio, Select, Space, Tag, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { SearchOutlined, UploadOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { isValidCreditCode, isValidIdCard } from '../../../../shared/identity';
import { visibleFormData } from '../../../../shared/forms';
import { api, apiLanguage, toApiError, ApiError, type FormValue, type Upload as UploadResult } from '../../api';
import { FormFields, itemForm, serverFormErrors } from '../../forms/FormRenderer';
import { useFormsT } from '../../forms/messages';
import { useI18n } from '../../i18n';
import { useShowError } from '../../ui/errors';
import { newIdempotencyKey } from '../../ui/idempotency';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { intakeApi, type ApplicantKind, type Lookup } from './api';
import { useIntakeT, type IntakeT } from './messages';

const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;

interface Values {
  itemId?: string;
  kind: ApplicantKind;
  number?: string;
  name?: string;
  phone?: string;
  address?: string;
  legalRepresentative?: string;
  contactPerson?: string;
  formData?: Record<string, FormValue | undefined>;
  materials?: Record<string, UploadFile<UploadResult>[] | undefined>;
}

/** Whether the number passes its check digit, as the server judges it (shared/identity). */
export function numberProblem(kind: ApplicantKind, raw: string, it: IntakeT): string | null {
  const n = raw.replace(/\s+/g, '').toUpperCase();
  if (!n) return it('in.numberRequired');
  if (kind === 'person') return isValidIdCard(n) ? null : it('in.badIdCard');
  return isValidCreditCode(n) ? null : it('in.badCreditCode');
}

/** Where the prefilled values came from, one line per source (profile, or an earlier case). */
function sourceSummary(found: Lookup, labelOf: (key: string) => string, it: IntakeT): string[] {
  const bySource = new Map<string, string[]>();
  for (const [key, source] of Object.entries(found.sources)) {
    const name = source.kind === 'profile' ? it('in.source.profile') : it('in.source.case', { caseNo: source.caseNo });
    bySource.set(name, [...(bySource.get(name) ?? []), labelOf(key)]);
  }
  return [...bySource].map(([name, labels]) => `${it('in.prefilledFrom', { source: name })}（${labels.join('、')}）`);
}

export function WalkInPage() {
  const { t, formatDateTime, locale } = useI18n();
  const ft = useFormsT();
  const it = useIntakeT();
  useDocumentTitle(it('in.title'));
  const { message } = App.useApp();
  const showError = useShowError();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [key] = useState(newIdempotencyKey);
  const [found, setFound] = useState<Lookup | null>(null);
  // What was last copied from the applicant section into the form (so a later edit there is kept).
  const [mirrored] = useState<Record<string, string>>({});
  const items = useQuery({ queryKey: ['catalog', 'items'], queryFn: api.catalog.items, staleTime: 60_000 });
  const itemId = Form.useWatch('itemId', form);
  const kind = Form.useWatch('kind', form) ?? 'enterprise';
  const item = useQuery({ queryKey: ['catalog', 'item', itemId], queryFn: () => api.catalog.item(itemId!), enabled: Boolean(itemId) });
  const spec = item.data ? itemForm(item.data) : null;
  const lookup = useMutation({ mutationFn: (q: { kind: ApplicantKind; number: string; itemId?: string }) => intakeApi.lookup(q.kind, q.number, q.itemId) });
  const submit = useMutation({ mutationFn: intakeApi.submit });

  const runLookup = (forItem?: string) => {
    const raw = form.getFieldValue('number') ?? '';
    const problem = numberProblem(kind, raw, it);
    if (problem) {
      form.setFields([{ name: 'number', errors: [problem] }]);
      setFound(null);
      return;
    }
    form.setFields([{ name: 'number', errors: [] }]);
    lookup.mutate(
      { kind, number: raw, itemId: forItem ?? itemId },
      {
        onSuccess: (r) => {
          setFound(r);
          const a = r.applicant;
          for (const key of ['applicantName', 'contactPhone']) mirrored[key] = String(r.formData[key] ?? '');
          form.setFieldsValue({
            number: r.idNumber,
            ...(a
              ? { name: a.name, phone: a.phone ?? '', address: a.address ?? '', legalRepresentative: a.legalRepresentative ?? '', contactPerson: a.contactPerson ?? '' }
              : {}),
            formData: { ...(form.getFieldValue('formData') ?? {}), ...r.formData },
          });
        },
        onError: (e) => {
          if (e instanceof ApiError) form.setFields([{ name: 'number', errors: [e.message] }]);
          showError(e);
        },
      },
    );
  };

  const onFinish = (v: Values) => {
    if (!found || !item.data) {
      void message.error(it('in.lookupFirst'));
      return;
    }
    // Only the fields shown, trimmed, empty ones left out (the shared rule of the forms).
    const formData = visibleFormData(spec!, v.formData ?? {}) as Record<string, FormValue>;
    const materials = item.data.materials.flatMap((m) => {
      const file = v.materials?.[m.id]?.[0];
      return file?.status === 'done' && file.response?.id ? [{ materialId: m.id, uploadId: file.response.id }] : [];
    });
    const text = (s?: string) => (s?.trim() ? s.trim() : undefined);
    submit.mutate(
      {
        itemId: item.data.id,
        applicant: {
          kind, idNumber: found.idNumber, name: v.name!.trim(), phone: text(v.phone), address: text(v.address),
          ...(kind === 'enterprise' ? { legalRepresentative: text(v.legalRepresentative), contactPerson: text(v.contactPerson) } : {}),
        },
        formData,
        materials,
        idempotencyKey: key,
        // The form on screen is this version's: a version published meanwhile refuses it rather than reading it wrongly.
        ...(item.data.versionId ? { itemVersionId: item.data.versionId } : {}),
      },
      {
        onSuccess: (r) => {
          void message.success(it('in.submitted', { caseNo: r.caseNo }));
          void queryClient.invalidateQueries({ queryKey: ['cases'] });
          void navigate(`/workbench/cases/${r.id}`);
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'FORM_INVALID' && spec) {
            const fields = serverFormErrors(spec, error.details, ft, locale === 'en' ? 'en' : 'zh');
            if (fields.length > 0) form.setFields(fields as Parameters<typeof form.setFields>[0]);
          }
          showError(error);
        },
      },
    );
  };

  const itemOptions = (items.data ?? []).map((i) => ({ value: i.id, label: `${i.name}（${i.departmentName}）` }));
  const numberLabel = kind === 'person' ? it('in.idCard') : it('in.creditCode');

  return (
    <Card>
      <h1 className="tb-page-title">{it('in.title')}</h1>
      <Typography.Paragraph type="secondary">{it('in.hint')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'enterprise' }}
        onFinish={onFinish}
        scrollToFirstError={{ focus: true }}
        style={{ maxWidth: 760 }}
        onValuesChange={(changed: Partial<Values>) => {
          if ('kind' in changed || 'number' in changed) setFound(null);
          // One entry: the applicant's name and phone flow into the form's same fields until edited there.
          for (const [from, to] of [['name', 'applicantName'], ['phone', 'contactPhone']] as const) {
            if (!(from in changed)) continue;
            const current = form.getFieldValue(['formData', to]);
            if (current === undefined || current === '' || current === mirrored[to]) {
              form.setFieldValue(['formData', to], changed[from]);
              mirrored[to] = changed[from] ?? '';
            }
          }
          if ('itemId' in changed && found && changed.itemId) runLookup(changed.itemId);
        }}
      >
        <Form.Item name="itemId" label={it('in.item')} rules={[{ required: true, message: it('in.itemRequired') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} placeholder={it('in.itemPlaceholder')} options={itemOptions} loading={items.isPending} />
        </Form.Item>
        {item.data ? (
          <Space wrap style={{ marginTop: -12, marginBottom: 12 }}>
            {item.data.itemType === 'immediate' ? <Tag color="green">{it('in.immediate')}</Tag> : null}
          </Space>
        ) : null}
        <h2 className="tb-card-title">{it('in.applicantSection')}</h2>
        <Form.Item name="kind" label={it('in.kind')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'enterprise', label: it('in.kind.enterprise') },
              { value: 'person', label: it('in.kind.person') },
            ]}
          />
        </Form.Item>
        <Form.Item label={numberLabel} required>
          <Space.Compact style={{ width: '100%', maxWidth: 480 }}>
            <Form.Item name="number" noStyle>
              <Input maxLength={30} aria-label={numberLabel} aria-required onPressEnter={(e) => { e.preventDefault(); runLookup(); }} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
            <Button icon={<SearchOutlined aria-hidden />} onClick={() => runLookup()} loading={lookup.isPending}>
              {it('in.lookup')}
            </Button>
          </Space.Compact>
        </Form.Item>
        {found ? (
          <>
            <Alert
              role="status"
              type={found.applicant ? 'success' : 'info'}
              showIcon
              style={{ marginBottom: 16 }}
              title={found.applicant ? it('in.found', { at: formatDateTime(found.applicant.updatedAt) }) : it('in.notFound')}
              description={found.applicant?.hasAccount ? it('in.foundAccount') : undefined}
            />
            <Form.Item name="name" label={kind === 'person' ? it('in.name.person') : it('in.name.enterprise')} rules={[{ required: true, whitespace: true, message: it('in.nameRequired') }]}>
              <Input maxLength={100} aria-required />
            </Form.Item>
            {kind === 'enterprise' ? (
              <Space wrap size="large">
                <Form.Item name="legalRepresentative" label={it('in.legalRep')} rules={[{ required: true, whitespace: true, message: it('in.legalRepRequired') }]}>
                  <Input maxLength={50} aria-required />
                </Form.Item>
                <Form.Item name="contactPerson" label={it('in.contact')}>
                  <Input maxLength={50} />
                </Form.Item>
              </Space>
            ) : null}
            <Space wrap size="large">
              <Form.Item name="phone" label={it('in.phone')} rules={[{ pattern: PHONE, message: t('apply.phoneInvalid') }]}>
                <Input type="tel" maxLength={20} />
              </Form.Item>
              <Form.Item name="address" label={it('in.address')}>
                <Input maxLength={200} style={{ minWidth: 280 }} />
              </Form.Item>
            </Space>
            {item.data ? (
              <>
                <h2 className="tb-card-title">{it('in.formSection')}</h2>
                {sourceSummary(found, (key) => item.data!.formFields.find((f) => f.key === key)?.label ?? key, it).map((line) => (
                  <Typography.Paragraph key={line} type="secondary" style={{ marginBottom: 4 }}>
                    {line}
                  </Typography.Paragraph>
                ))}
                {spec ? <FormFields spec={spec} form={form} /> : null}
                <h2 className="tb-card-title">{it('in.materialsSection')}</h2>
                {item.data.materials.map((m) => (
                  <Form.Item key={m.id} name={['materials', m.id]} label={m.name} valuePropName="fileList" getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}>
                    <Upload
                      action={api.uploads.postUrl}
                      name="file"
                      accept=".pdf,.jpg,.jpeg,.png"
                      maxCount={1}
                      headers={{ 'Accept-Language': apiLanguage(), Accept: 'application/json' }}
                      onChange={({ file }) => {
                        if (file.status === 'error') showError(toApiError((file.error as { status?: number } | undefined)?.status ?? 0, file.response, t('apply.uploadFailed', { name: file.name })));
                      }}
                    >
                      <Button icon={<UploadOutlined aria-hidden />} aria-label={`${t('apply.chooseFile')}${t('common.colon')}${m.name}`}>
                        {t('apply.chooseFile')}
                      </Button>
                    </Upload>
                  </Form.Item>
                ))}
              </>
            ) : null}
            <Form.Item>
              <Button type="primary" htmlType="submit" size="large" loading={submit.isPending} disabled={!item.data}>
                {it('in.submit')}
              </Button>
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Card>
  );
}
