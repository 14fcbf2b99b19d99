// 办理时限 on a case page, for staff and the applicant alike: the promised and
// legal due dates, each with the sentence saying how it was computed, the
// pauses, the extension and the Art. 32 window of the one-time notice.
import type { ReactNode } from 'react';
import { Card, Tag, Typography } from 'antd';
import type { CaseClock, CaseDetail, CasePause, SupplementNotice } from '../api';
import { useI18n } from '../i18n';
import { DueTag } from './labels';

/** Label of a pause type (补正, 检验, …), the raw type for one this UI does not know. */
export function usePauseTypeLabel(): (type: string) => string {
  const { t, has } = useI18n();
  return (type) => {
    const key = `pauseType.${type}`;
    return has(key) ? t(key) : type;
  };
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="tb-clock-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function PauseLine({ pause }: { pause: CasePause }) {
  const { t } = useI18n();
  const typeLabel = usePauseTypeLabel();
  const dates = pause.running
    ? t('clock.pauseRunningDates', { from: pause.firstDay, to: pause.expectedLastDay })
    : t('clock.pauseEndedDates', { from: pause.firstDay, to: pause.lastDay ?? pause.expectedLastDay });
  return (
    <li>
      <Tag className={`tb-tag ${pause.running ? 'tb-tag-submitted' : 'tb-tag-other'}`} variant="outlined">
        {pause.running ? t('clock.pauseRunning') : t('clock.pauseEnded')}
      </Tag>
      <strong>{typeLabel(pause.type)}</strong>
      {t('common.colon')}
      {pause.reason || '—'}
      <div className="tb-ledger">{dates}</div>
    </li>
  );
}

function hasAnything(clock: CaseClock, status: CaseDetail['status']): boolean {
  const notice = clock.notice && (clock.notice.state !== 'open' || status === 'submitted');
  return Boolean(clock.due || clock.legalDue || notice || clock.extension || (clock.pauses?.length ?? 0) > 0);
}

export function ClockCard({ detail }: { detail: CaseDetail }) {
  const { t, formatDateTime } = useI18n();
  const clock = detail.clock;
  if (!clock || !hasAnything(clock, detail.status)) return null;
  const running = clock.phase !== 'concluded';
  const pauses = clock.pauses ?? [];
  // The Art. 32 window matters while the application waits for acceptance, or once it was used or missed.
  const notice = clock.notice && (clock.notice.state !== 'open' || detail.status === 'submitted') ? clock.notice : null;
  return (
    <Card title={<h2 className="tb-card-title">{t('due.title')}</h2>}>
      <dl className="tb-clock" aria-label={t('due.title')}>
        {clock.due ? (
          <Row label={clock.phase === 'intake' ? t('clock.intakeDue') : t('due.promised')}>
            <div className="tb-clock-due">
              {running ? <DueTag due={{ colour: clock.colour, workdaysLeft: clock.workdaysLeft, dueProvisional: clock.provisional }} showDate={false} /> : null}
              <span data-testid="promised-due">{formatDateTime(clock.due)}</span>
              {clock.provisional && !running ? <Typography.Text type="secondary">（{t('due.provisional')}）</Typography.Text> : null}
            </div>
            {clock.ledger ? (
              <p className="tb-ledger">
                <span className="tb-ledger-label">{t('clock.howComputed')}</span>
                {clock.ledger}
              </p>
            ) : null}
          </Row>
        ) : null}
        {clock.legalDue ? (
          <Row label={t('due.legal')}>
            <div>{formatDateTime(clock.legalDue)}</div>
            {clock.legalLedger ? (
              <p className="tb-ledger">
                <span className="tb-ledger-label">{t('clock.howComputed')}</span>
                {clock.legalLedger}
              </p>
            ) : null}
          </Row>
        ) : null}
        {clock.extension ? (
          <Row label={t('clock.extension')}>
            {t('clock.extensionText', {
              days: clock.extension.workdays,
              role: t(clock.extension.approverRole === 'government_head' ? 'role.government_head' : 'role.agency_head'),
            })}
            <div className="tb-ledger">
              {t('clock.reason')}
              {t('common.colon')}
              {clock.extension.reason}
            </div>
          </Row>
        ) : null}
        {pauses.length > 0 ? (
          <Row label={t('clock.pauses')}>
            <ul className="tb-pause-list">
              {pauses.map((p) => (
                <PauseLine key={p.id} pause={p} />
              ))}
            </ul>
          </Row>
        ) : null}
        {notice ? (
          <Row label={t('clock.notice')}>
            <Tag className={`tb-tag tb-tag-${notice.state === 'open' ? 'submitted' : notice.state === 'notified' ? 'accepted' : 'refused'}`} variant="outlined">
              {t(`noticeState.${notice.state}`)}
            </Tag>
            {notice.state === 'open' ? t('clock.noticeOpen', { due: formatDateTime(notice.due) }) : null}
            {notice.state === 'notified' ? t('clock.noticeNotified', { at: formatDateTime(notice.issuedAt) }) : null}
            {notice.state === 'deemed_accepted' ? t('clock.noticeDeemed', { due: formatDateTime(notice.due) }) : null}
          </Row>
        ) : null}
      </dl>
    </Card>
  );
}

/** The one-time notice (一次性告知): every listed material with its problem and note. */
export function SupplementNoticeCard({ notice, extra }: { notice: SupplementNotice; extra?: ReactNode }) {
  const { t, formatDateTime } = useI18n();
  return (
    <Card title={<h2 className="tb-card-title">{t('supplement.noticeTitle')}</h2>}>
      <p>
        {t('supplement.issuedAt', { at: formatDateTime(notice.issuedAt) })}
        {notice.supplementedAt ? ` · ${t('supplement.supplementedAt', { at: formatDateTime(notice.supplementedAt) })}` : ''}
      </p>
      <ul className="tb-notice-list" aria-label={t('supplement.listedMaterials')}>
        {notice.items.map((item) => (
          <li key={item.materialId}>
            <Tag className={`tb-tag tb-tag-${item.problem === 'missing' ? 'refused' : 'submitted'}`} variant="outlined">
              {t(`problem.${item.problem}`)}
            </Tag>
            <strong>{item.name}</strong>
            {item.note ? <div className="tb-ledger">{item.note}</div> : null}
          </li>
        ))}
      </ul>
      {notice.note ? (
        <p className="tb-prewrap">
          {t('supplement.generalNote')}
          {t('common.colon')}
          {notice.note}
        </p>
      ) : null}
      {extra}
    </Card>
  );
}
