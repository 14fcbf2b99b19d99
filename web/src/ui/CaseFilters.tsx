// The filters of the case lists and the to-do: state, department, service
// item, date range, case number and applicant (both prefixes). Values go to
// the server as query parameters; every one is served by an index there.
import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { api, type CaseStatus } from '../api';
import type { CaseListFilters } from '../../../shared/case-list';
import { useI18n } from '../i18n';

export type CaseFilterValues = CaseListFilters;

const STATUSES: CaseStatus[] = ['submitted', 'supplement_requested', 'accepted', 'refused', 'approved', 'denied'];
type FilterName = 'status' | 'department' | 'item' | 'dates' | 'caseNo' | 'applicant';

export function CaseFilters({
  value,
  onChange,
  show = ['status', 'department', 'item', 'dates', 'caseNo', 'applicant'],
  statuses = STATUSES,
}: {
  value: CaseFilterValues;
  onChange: (v: CaseFilterValues) => void;
  show?: FilterName[];
  statuses?: CaseStatus[];
}) {
  const { t } = useI18n();
  const has = (f: FilterName) => show.includes(f);
  const departments = useQuery({ queryKey: ['departments'], queryFn: api.catalog.departments, enabled: has('department'), staleTime: 300_000 });
  const items = useQuery({ queryKey: ['items'], queryFn: api.catalog.items, enabled: has('item'), staleTime: 300_000 });
  const set = (patch: Partial<CaseFilterValues>) => onChange({ ...value, ...patch });
  const range: [Dayjs, Dayjs] | null = value.from && value.to ? [dayjs(value.from), dayjs(value.to)] : null;
  const empty = Object.values(value).every((v) => v === undefined || v === '');
  return (
    <Space wrap role="search" aria-label={t('list.filters')} style={{ marginBottom: 16 }}>
      {(['caseNo', 'applicant'] as const).filter(has).map((name) => (
        <Input.Search
          key={`${name}-${value[name] ?? ''}`}
          allowClear
          aria-label={t(`list.${name}`)}
          placeholder={t(`list.${name}`)}
          defaultValue={value[name]}
          onSearch={(v) => set({ [name]: v.trim() || undefined })}
          style={{ width: name === 'caseNo' ? 220 : 180 }}
        />
      ))}
      {has('status') && (
        <Select
          allowClear
          aria-label={t('case.status')}
          placeholder={t('wb.allStatuses')}
          value={value.status}
          onChange={(v?: CaseStatus) => set({ status: v })}
          options={statuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          style={{ width: 150 }}
        />
      )}
      {has('department') && (
        <Choice label={t('case.department')} placeholder={t('list.allDepartments')} value={value.departmentId} width={180}
          options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))} onChange={(v) => set({ departmentId: v })} />
      )}
      {has('item') && (
        <Choice label={t('case.item')} placeholder={t('list.allItems')} value={value.itemId} width={240}
          options={(items.data ?? []).map((i) => ({ value: i.id, label: i.name }))} onChange={(v) => set({ itemId: v })} />
      )}
      {has('dates') && (
        <DatePicker.RangePicker
          aria-label={t('list.dateRange')}
          value={range}
          onChange={(v) => set(v?.[0] && v[1] ? { from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') } : { from: undefined, to: undefined })}
        />
      )}
      {!empty && <Button onClick={() => onChange({})}>{t('list.reset')}</Button>}
    </Space>
  );
}

/** A searchable single choice that can be cleared (department, item). */
function Choice({ label, placeholder, value, options, onChange, width }: {
  label: string;
  placeholder: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  onChange: (v: string | undefined) => void;
  width: number;
}) {
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      aria-label={label}
      placeholder={placeholder}
      value={value}
      onChange={(v?: string) => onChange(v)}
      options={options}
      style={{ width }}
      popupMatchSelectWidth={false}
    />
  );
}
