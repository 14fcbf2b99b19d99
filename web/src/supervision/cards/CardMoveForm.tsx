// One move of a card's handling (受理, 立案, 调查 with notes, events and evidence, 处理, 申诉, 复核): the fields that
// move needs, sent to the server, which checks it again; the page offers only the moves the server lists.
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, Radio, Select, Typography, Upload, message } from 'antd';
import type { UploadFile } from 'antd';
import { useI18n } from '../../i18n';
import { useShowError } from '../../ui/errors';
import { cardsApi, type CardDetail, type CardMove, type MoveBody, type Outcome } from './api';

const OUTCOMES: Outcome[] = ['no_fault', 'criticism', 'rectification', 'referral'];

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

interface MoveValues {
  reason?: string; note?: string; attach?: string; outcome?: Outcome; opinion?: string;
  rectifyBy?: { format(f: string): string } | null; verdict?: 'uphold' | 'revoke';
}

export function MoveForm({ card, move, onDone }: { card: CardDetail; move: CardMove; onDone: (c: CardDetail) => void }) {
  const { t } = useI18n();
  const showError = useShowError();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [form] = Form.useForm<MoveValues>();
  const outcome = Form.useWatch('outcome', form);
  const submit = useMutation({
    mutationFn: async (v: MoveValues): Promise<CardDetail> => {
      let body: MoveBody;
      switch (move) {
        case 'accept': body = { move }; break;
        case 'file': body = { move, reason: v.reason ?? '' }; break;
        case 'appeal': body = { move, reason: v.reason ?? '' }; break;
        case 'investigate': {
          const evidence = await Promise.all(files.map(async (f) => ({ name: f.name, content: await toBase64(f.originFileObj as File) })));
          const attachSeqs = (v.attach ?? '').split(/[\s,，]+/).filter(Boolean).map(Number);
          body = { move, note: v.note ?? '', attachSeqs, evidence };
          break;
        }
        case 'decide': body = { move, outcome: v.outcome ?? 'no_fault', opinion: v.opinion ?? '', rectifyBy: v.rectifyBy ? v.rectifyBy.format('YYYY-MM-DD') : null }; break;
        case 'review': body = { move, verdict: v.verdict ?? 'uphold', opinion: v.opinion ?? '' }; break;
      }
      return cardsApi.move(card.id, body);
    },
    onSuccess: (c) => { void message.success(t('svc.done')); form.resetFields(); setFiles([]); onDone(c); },
    onError: showError,
  });
  const id = `move-${move}`;
  return (
    <Form form={form} layout="vertical" onFinish={(v) => submit.mutate(v)} aria-labelledby={`${id}-title`}>
      <Typography.Title level={3} id={`${id}-title`} style={{ fontSize: 15 }}>{t(`svc.move.${move}`)}</Typography.Title>
      {move === 'file' || move === 'appeal' ? (
        <Form.Item name="reason" label={move === 'file' ? t('svc.fileReason') : t('svc.appealReason')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      ) : null}
      {move === 'investigate' ? (
        <>
          <Form.Item name="note" label={t('svc.note')} rules={[{ required: true }]}><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
          <Form.Item name="attach" label={t('svc.attach')}><Input placeholder="1, 2" /></Form.Item>
          <Form.Item label={t('svc.evidence')}>
            <Upload fileList={files} beforeUpload={(f) => { setFiles((x) => [...x, { uid: f.uid, name: f.name, originFileObj: f }]); return false; }}
              onRemove={(f) => setFiles((x) => x.filter((y) => y.uid !== f.uid))} accept=".pdf,.jpg,.jpeg,.png">
              <Button>{t('svc.evidence')}</Button>
            </Upload>
          </Form.Item>
        </>
      ) : null}
      {move === 'decide' ? (
        <>
          <Form.Item name="outcome" label={t('svc.outcome')} rules={[{ required: true }]}>
            <Select options={OUTCOMES.map((o) => ({ value: o, label: t(`svc.outcome.${o}`) }))} />
          </Form.Item>
          {outcome === 'rectification' ? (
            <Form.Item name="rectifyBy" label={t('svc.rectifyBy')} rules={[{ required: true }]}><DatePicker /></Form.Item>
          ) : null}
        </>
      ) : null}
      {move === 'review' ? (
        <Form.Item name="verdict" label={t('svc.verdict')} rules={[{ required: true }]}>
          <Radio.Group options={[{ value: 'uphold', label: t('svc.verdict.uphold') }, { value: 'revoke', label: t('svc.verdict.revoke') }]} />
        </Form.Item>
      ) : null}
      {move === 'decide' || move === 'review' ? (
        <Form.Item name="opinion" label={t('svc.opinion')} rules={[{ required: true }]}><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
      ) : null}
      <Button type="primary" htmlType="submit" loading={submit.isPending}>{move === 'accept' ? t('svc.move.accept') : t('svc.submit')}</Button>
    </Form>
  );
}

