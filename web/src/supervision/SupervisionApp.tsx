// 电子监察: the independent supervision platform. It reads only the published
// event stream (/api/supervision/*), never the approval records.
import { Menu, Tag } from 'antd';
import { Link, Route, Routes, useLocation } from 'react-router';
import { useI18n } from '../i18n';
import { STAFF_ROLES, SUPERVISION_ROLES, useMe } from '../ui/auth';
import { AppShell, useHiddenPages } from '../ui/AppShell';
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
  const hidden = useHiddenPages();
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
        items={PAGES.filter(([path]) => !hidden.has(path)).map(([path, key]) => ({ key: path, label: <Link to={path}>{mt(key)}</Link> }))}
        style={{ flex: 1, minWidth: 0 }}
      />
      <Tag className={`tb-tag ${live ? 'tb-tag-approved' : 'tb-tag-other'}`} variant="outlined" aria-live="polite">{live ? mt('live.on') : mt('live.off')}</Tag>
    </nav>
  );
}

/** The platform's routes, inside the common staff frame with the page menu across the top. */
export default function SupervisionApp() {
  const { t } = useI18n();
  return (
    <AppShell
      roles={SUPERVISION_ROLES}
      mark="监"
      title={t('nav.supervision')}
      brandTo="/supervision"
      headerClassName="tb-supervision-header"
      parts={(user) => ({
        headerStart: (
          <nav aria-label={t('nav.supervision')} className="tb-supervision-nav">
            <Link to="/supervision/events" className="tb-on-dark tb-header-link">{t('svc.menuStream')}</Link>
            <Link to="/supervision/cards" className="tb-on-dark tb-header-link">{t('svc.menuCards')}</Link>
            {user.role === 'supervisor' ? <Link to="/supervision/rules" className="tb-on-dark tb-header-link">{t('svc.menuRules')}</Link> : null}
          </nav>
        ),
        headerEnd: STAFF_ROLES.includes(user.role) ? (
          <Link to="/workbench" className="tb-on-dark tb-header-link">
            {t('nav.workbench')}
          </Link>
        ) : null,
        beforeMain: <MonitorMenu />,
        main: (
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
        ),
      })}
    />
  );
}
