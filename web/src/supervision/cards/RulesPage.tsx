// 监察规则: the supervision admin edits thresholds, which violations give which
// colour and the card handling limits; saving makes a new version.
import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, InputNumber, Select, Space, Switch, Table, Typography, message } from 'antd';
import { useI18n } from '../../i18n';
import { ErrorAlert, useShowError } from '../../ui/errors';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { cardsApi, type CardLevel, type Lifecycle, type Rule } from './api';

const LEVELS: CardLevel[] = ['warning', 'yellow', 'red'];
const LIFECYCLE: (keyof Lifecycle)[] = ['acceptWorkdays', 'decideWorkdays', 'appealWorkdays', 'reviewWorkdays'];

export function RulesPage() {
  const { t, locale } = useI18n();
  useDocumentTitle(t('svc.rulesTitle'));
  const client = useQueryClient();
  const showError = useShowError();
  const rules = useQuery({ queryKey: ['supervision', 'rules'], queryFn: cardsApi.rules });
  const [draft, setDraft] = useState<Rule[]>([]);
  const [lifecycle, setLifecycle] = useState<Lifecycle | null>(null);
  const [note, setNote] = useState('');
  useEffect(() => {
    if (rules.data) { setDraft(rules.data.current.rules); setLifecycle(rules.data.current.lifecycle); }
  }, [rules.data]);
  const save = useMutation({
    mutationFn: () => cardsApi.saveRules({ baseVersion: rules.data!.current.version, rules: draft, lifecycle: lifecycle!, note }),
    onSuccess: (saved) => { void message.success(t('svc.rulesSaved', { version: saved.version })); setNote(''); void client.invalidateQueries({ queryKey: ['supervision', 'rules'] }); },
    onError: showError,
  });
  const edit = (code: string, patch: Partial<Rule>) => setDraft((rs) => rs.map((r) => (r.code === code ? ({ ...r, ...patch } as Rule) : r)));
  if (rules.isError) return <ErrorAlert error={rules.error} onRetry={() => void rules.refetch()} />;
  if (!rules.data || !lifecycle) return <Card loading />;
  const cur = rules.data.current;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>{t('svc.rulesTitle')}</Typography.Title>
      <Typography.Paragraph>{t('svc.rulesHint')} {t('svc.rulesVersion', { version: cur.version, note: cur.note })}</Typography.Paragraph>
      <Card><div>
        <Table<Rule>
          rowKey="code" size="small" pagination={false} dataSource={draft} scroll={{ x: true }}
          columns={[
            { key: 'name', title: t('svc.rule.name'), render: (_, r) => (locale === 'en' ? r.nameEn : r.nameZh) },
            { key: 'kind', title: t('svc.rule.kind'), render: (_, r) => t(`svc.rule.kind.${r.kind}`) },
            {
              key: 'level', title: t('svc.col.level'),
              render: (_, r) => (
                <Select aria-label={`${r.nameZh} ${t('svc.col.level')}`} value={r.level} style={{ width: 110 }} onChange={(level: CardLevel) => edit(r.code, { level })}
                  options={LEVELS.map((l) => ({ value: l, label: t(`svc.level.${l}`) }))} />
              ),
            },
            {
              key: 'value', title: t('svc.rule.value'),
              render: (_, r) => (r.kind === 'threshold' ? (
                <Space>
                  <span>{t(`svc.rule.measure.${r.measure}`)}</span>
                  {r.measure !== 'overdue' ? (
                    <InputNumber aria-label={`${r.nameZh} ${t('svc.rule.value')}`} value={r.measure === 'used_fraction' ? Math.round(r.value * 1000) / 1000 : r.value}
                      min={0} step={r.measure === 'used_fraction' ? 0.05 : 1} onChange={(v) => edit(r.code, { value: Number(v ?? 0) })} />
                  ) : null}
                </Space>
              ) : (
                <Input aria-label={`${r.nameZh} ${t('svc.rule.events')}`} value={r.eventTypes.join(', ')} style={{ minWidth: 260 }}
                  onChange={(e) => edit(r.code, { eventTypes: e.target.value.split(/[\s,，]+/).filter(Boolean) })} />
              )),
            },
            { key: 'enabled', title: t('svc.rule.enabled'), render: (_, r) => <Switch aria-label={`${r.nameZh} ${t('svc.rule.enabled')}`} checked={r.enabled} onChange={(enabled) => edit(r.code, { enabled })} /> },
          ]}
        />
      </div></Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('svc.lifecycle')}</h2>}>
        <Form layout="inline">
          {LIFECYCLE.map((k) => (
            <Form.Item key={k} label={t(`svc.lifecycle.${k}`)} htmlFor={`lc-${k}`}>
              <InputNumber id={`lc-${k}`} min={1} max={60} value={lifecycle[k]} onChange={(v) => setLifecycle({ ...lifecycle, [k]: Number(v ?? 1) })} />
            </Form.Item>
          ))}
        </Form>
      </Card>
      <Space wrap style={{ width: '100%' }}>
        <Input aria-label={t('svc.rulesNote')} placeholder={t('svc.rulesNote')} value={note} onChange={(e) => setNote(e.target.value)} style={{ width: '100%', maxWidth: 320 }} maxLength={200} />
        <Button type="primary" loading={save.isPending} onClick={() => save.mutate()}>{t('svc.rulesSave')}</Button>
      </Space>
    </Space>
  );
}
