// 电子监察: the independent supervision platform. It reads only the published
// event stream (/api/supervision/*), never the approval records.
import { Layout } from 'antd';
import { Link, Route, Routes } from 'react-router';
import { useI18n } from '../i18n';
import { RequireRole, STAFF_ROLES, SUPERVISION_ROLES, useMe } from '../ui/auth';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { UserBox } from '../ui/UserBox';
import { useCenter } from '../portal/center';
import { EventStreamPage } from './EventStreamPage';
import { CardsPage } from './cards/CardsPage';
import { CardDetailPage } from './cards/CardDetailPage';
import { RulesPage } from './cards/RulesPage';
import { ForecastCard } from './cards/ForecastCard';

/** The home page: tomorrow's yellow and red cards (supervisors), then the live stream. */
function Home() {
  const me = useMe();
  return (
    <>
      {me.data?.role === 'supervisor' ? <div style={{ marginBottom: 16 }}><ForecastCard /></div> : null}
      <EventStreamPage />
    </>
  );
}
import { MessageCenterPage } from '../notify/MessageCenterPage';

function Shell() {
  const { t } = useI18n();
  const me = useMe();
  const center = useCenter();
  const user = me.data;
  if (!user) return null;
  return (
    <Layout className="tb-shell">
      <a className="tb-skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <Layout.Header className="tb-shell-header tb-supervision-header">
        <Link to="/supervision" className="tb-brand">
          <span className="tb-brand-mark" aria-hidden>
            监
          </span>
          <span>
            {center.data?.name ?? t('app.name')} · {t('nav.supervision')}
          </span>
        </Link>
        <nav aria-label={t('nav.supervision')} className="tb-supervision-nav">
          <Link to="/supervision" className="tb-on-dark tb-header-link">{t('svc.menuStream')}</Link>
          <Link to="/supervision/cards" className="tb-on-dark tb-header-link">{t('svc.menuCards')}</Link>
          {user.role === 'supervisor' ? <Link to="/supervision/rules" className="tb-on-dark tb-header-link">{t('svc.menuRules')}</Link> : null}
        </nav>
        <span className="tb-shell-spacer" />
        {STAFF_ROLES.includes(user.role) ? (
          <Link to="/workbench" className="tb-on-dark tb-header-link">
            {t('nav.workbench')}
          </Link>
        ) : null}
        <LanguageSwitch dark />
        <UserBox user={user} dark />
      </Layout.Header>
      <Layout.Content className="tb-shell-content">
        <main id="main" tabIndex={-1}>
          <Routes>
            <Route index element={<Home />} />
            <Route path="cards" element={<CardsPage />} />
            <Route path="cards/:id" element={<CardDetailPage basePath="/supervision/cards" />} />
            <Route path="rules" element={<RulesPage />} />
            <Route path="messages" element={<MessageCenterPage />} />
            <Route path="*" element={<EventStreamPage />} />
          </Routes>
        </main>
      </Layout.Content>
    </Layout>
  );
}

export default function SupervisionApp() {
  return (
    <RequireRole roles={SUPERVISION_ROLES}>
      <Shell />
    </RequireRole>
  );
}
