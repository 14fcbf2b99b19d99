// 电子监察: the independent supervision platform. It reads only the published
// event stream (/api/supervision/*), never the approval records.
import { Layout, Menu, Tag } from 'antd';
import { Link, Route, Routes, useLocation } from 'react-router';
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
import { useMonitorT } from './monitor/messages';
import { useLiveUpdates } from './monitor/live';
import { OverviewPage } from './monitor/OverviewPage';
import { ProcessPage } from './monitor/ProcessPage';
import { AnomaliesPage } from './monitor/AnomaliesPage';
import { VolumePage } from './monitor/VolumePage';
import { AttendancePage } from './monitor/AttendancePage';
import { FeesPage } from './monitor/FeesPage';
import { SourcesPage } from './monitor/SourcesPage';
import './monitor/monitor.css';

/** The home page: tomorrow's yellow and red cards (supervisors), then 综合监察. */
function Home() {
  const me = useMe();
  return (
    <>
      {me.data?.role === 'supervisor' ? <div style={{ marginBottom: 16 }}><ForecastCard /></div> : null}
      <OverviewPage />
    </>
  );
}
import { MessageCenterPage } from '../notify/MessageCenterPage';

const PAGES = [
  ['/supervision', 'menu.overview'],
  ['/supervision/process', 'menu.process'],
  ['/supervision/anomalies', 'menu.anomalies'],
  ['/supervision/volume', 'menu.volume'],
  ['/supervision/attendance', 'menu.attendance'],
  ['/supervision/fees', 'menu.fees'],
  ['/supervision/sources', 'menu.sources'],
] as const;

/** The page menu of the platform; the live channel's state beside it. */
function MonitorMenu() {
  const mt = useMonitorT();
  const live = useLiveUpdates();
  const { pathname } = useLocation();
  // The home matches only itself: the card, rules and message pages (reached from the header) select no item here.
  const selected = [...PAGES].reverse().find(([path]) => pathname === path || (path !== '/supervision' && pathname.startsWith(`${path}/`)))?.[0];
  return (
    <nav aria-label={mt('menu.overview')} className="tb-sv-nav">
      {/* No overflow folding: antd's folded items stay focusable under aria-hidden; the items wrap instead. */}
      <Menu
        mode="horizontal"
        disabledOverflow
        selectedKeys={selected ? [selected] : []}
        items={PAGES.map(([path, key]) => ({ key: path, label: <Link to={path}>{mt(key)}</Link> }))}
        style={{ flex: 1, minWidth: 0 }}
      />
      <Tag className={`tb-tag ${live ? 'tb-tag-approved' : 'tb-tag-other'}`} variant="outlined" aria-live="polite">{live ? mt('live.on') : mt('live.off')}</Tag>
    </nav>
  );
}

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
          <Link to="/supervision/events" className="tb-on-dark tb-header-link">{t('svc.menuStream')}</Link>
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
        <MonitorMenu />
        <main id="main" tabIndex={-1}>
          <Routes>
            <Route index element={<Home />} />
            <Route path="cards" element={<CardsPage />} />
            <Route path="cards/:id" element={<CardDetailPage basePath="/supervision/cards" />} />
            <Route path="rules" element={<RulesPage />} />
            <Route path="messages" element={<MessageCenterPage />} />
            <Route path="process" element={<ProcessPage />} />
            <Route path="process/:caseNo" element={<ProcessPage />} />
            <Route path="anomalies" element={<AnomaliesPage />} />
            <Route path="volume" element={<VolumePage />} />
            <Route path="attendance" element={<AttendancePage />} />
            <Route path="fees" element={<FeesPage />} />
            <Route path="events" element={<EventStreamPage />} />
            <Route path="sources" element={<SourcesPage />} />
            <Route path="*" element={<Home />} />
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
