// 好差评 on a concluded case: five levels, a reason required for a bad review, once per case.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Form, Input, Radio, Spin } from 'antd';
import type { CaseDetail } from '../api';
import { useI18n } from '../i18n';
import { ErrorAlert, useShowError } from '../ui/errors';
import { isBadReview, portalApi, RATING_LEVELS, type RatingLevel } from './api';
import { usePortalT } from './messages';

const CONCLUDED = ['approved', 'denied', 'refused'];

export function RatingCard({ detail }: { detail: CaseDetail }) {
  const p = usePortalT();
  const { formatDateTime } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ level?: RatingLevel; comment?: string }>();
  const level = Form.useWatch('level', form);
  const concluded = CONCLUDED.includes(detail.status);
  const rating = useQuery({ queryKey: ['portal', 'rating', detail.id], queryFn: () => portalApi.rating(detail.id), enabled: concluded });
  const rate = useMutation({
    mutationFn: (v: { level: RatingLevel; comment: string }) => portalApi.rate(detail.id, v),
    onSuccess: (r) => {
      queryClient.setQueryData(['portal', 'rating', detail.id], { rating: r });
      void message.success(p('rating.thanks'));
    },
    onError: showError,
  });
  if (!concluded) return null;
  const bad = level ? isBadReview(level) : false;
  return (
    <Card title={<h2 className="tb-card-title">{p('rating.title')}</h2>}>
      {rating.isPending ? (
        <Spin />
      ) : rating.isError ? (
        <ErrorAlert error={rating.error} onRetry={() => void rating.refetch()} />
      ) : rating.data.rating ? (
        <div role="status">
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'level', label: p('rating.yours'), children: <strong>{p(`rating.level.${rating.data.rating.level}`)}</strong> },
              ...(rating.data.rating.comment ? [{ key: 'comment', label: p('rating.comment'), children: <span className="tb-prewrap">{rating.data.rating.comment}</span> }] : []),
              { key: 'at', label: p('rating.ratedAt'), children: formatDateTime(rating.data.rating.createdAt) },
            ]}
          />
          {rating.data.rating.bad ? <p className="tb-muted">{p('rating.badNote')}</p> : null}
        </div>
      ) : (
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => rate.mutate({ level: v.level!, comment: v.comment?.trim() ?? '' })}
          scrollToFirstError={{ focus: true }}
        >
          <p className="tb-muted">{p('rating.intro')}</p>
          <Form.Item name="level" label={p('rating.level')} rules={[{ required: true, message: p('rating.levelRequired') }]}>
            <Radio.Group className="tb-rating-levels" options={RATING_LEVELS.map((l) => ({ value: l, label: p(`rating.level.${l}`) }))} />
          </Form.Item>
          <Form.Item
            name="comment"
            label={bad ? p('rating.comment') : p('rating.commentOptional')}
            dependencies={['level']}
            rules={[{ required: bad, whitespace: true, message: p('rating.commentRequired') }]}
            extra={bad ? p('rating.badNote') : undefined}
          >
            <Input.TextArea rows={3} maxLength={1000} showCount />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={rate.isPending}>
            {p('rating.submit')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
