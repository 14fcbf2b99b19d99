// 明天将变黄/变红: from the same forecast as `tongban supervision scan --at`.
import { useQuery } from '@tanstack/react-query';
import { Card, List } from 'antd';
import { useI18n } from '../../i18n';
import { ErrorAlert } from '../../ui/errors';
import { cardsApi } from './api';
import './cards.css';
import { LevelTag, useStageLabel } from './CardTags';

export function ForecastCard() {
  const { t, formatDateTime } = useI18n();
  const stage = useStageLabel();
  const forecast = useQuery({ queryKey: ['supervision', 'forecast'], queryFn: cardsApi.forecast, refetchInterval: 60_000 });
  return (
    <Card className="tb-cards" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('svc.forecastTitle')}</h2>} size="small">
      {forecast.isError ? <ErrorAlert error={forecast.error} onRetry={() => void forecast.refetch()} /> : null}
      <List
        size="small"
        loading={forecast.isPending}
        dataSource={forecast.data?.cards ?? []}
        locale={{ emptyText: t('svc.forecastEmpty') }}
        renderItem={(c) => (
          <List.Item>
            <LevelTag level={c.level} />
            {t('svc.forecastItem', {
              caseNo: c.caseNo, stage: `${stage(c.stage)}${c.step ? ` · ${c.step}` : ''}`, department: c.department ?? '—',
              time: formatDateTime(c.passesAt), level: t(`svc.level.${c.level}`),
            })}
          </List.Item>
        )}
      />
    </Card>
  );
}
