// The public portal: service guides, online application, my cases, progress lookup.
import { Result } from 'antd';
import { NavLink, Route, Routes } from 'react-router';
import { useI18n } from '../i18n';
import { RequireRole, STAFF_ROLES, SUPERVISION_ROLES, useMe } from '../ui/auth';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { LinkButton } from '../ui/LinkButton';
import { UserBox } from '../ui/UserBox';
import { useCenter } from './center';
import { HomePage } from './HomePage';
import { ItemPage } from './ItemPage';
import { LoginPage } from './LoginPage';
import { MyCaseDetailPage } from './MyCaseDetailPage';
import { MyCasesPage } from './MyCasesPage';
import { ProgressPage } from './ProgressPage';
import { RegisterPage } from './RegisterPage';
import { ArticlePage, NewsPage } from './NewsPage';
import { ConsultPage } from './ConsultPage';
import { DraftsPage } from './DraftsPage';
import { MyMessagesPage } from './MyMessagesPage';
import { ResultsPage } from './ResultsPage';
import { SearchPage } from './SearchPage';
import { usePortalT } from './messages';
import { MessageCenterPage } from '../notify/MessageCenterPage';
import { useNotifyT } from '../notify/messages';
import './portal.css';

function PortalHeader() {
  const { t } = useI18n();
  const center = useCenter();
  const me = useMe();
  const p = usePortalT();
  const user = me.data ?? null;
  return (
    <header className="tb-portal-header">
      <div className="tb-portal-header-inner">
        <NavLink to="/" className="tb-brand" aria-label={`${center.data?.name ?? t('app.name')} - ${t('nav.home')}`}>
          <span className="tb-brand-mark" aria-hidden>
            通
          </span>
          <span>{center.data?.name ?? t('app.name')}</span>
        </NavLink>
        <nav className="tb-portal-nav" aria-label={t('nav.main')}>
          <NavLink to="/" end>
            {t('nav.guides')}
          </NavLink>
          <NavLink to="/news">{p('nav.news')}</NavLink>
          <NavLink to="/results">{p('nav.results')}</NavLink>
          <NavLink to="/consult">{p('nav.consult')}</NavLink>
          <NavLink to="/progress">{t('nav.progress')}</NavLink>
          {user?.role === 'applicant' ? <NavLink to="/my/cases">{t('nav.myCases')}</NavLink> : null}
          {user && STAFF_ROLES.includes(user.role) ? <NavLink to="/workbench">{t('nav.workbench')}</NavLink> : null}
          {user && SUPERVISION_ROLES.includes(user.role) ? <NavLink to="/supervision">{t('nav.supervision')}</NavLink> : null}
        </nav>
        <div className="tb-portal-tools">
          <LanguageSwitch dark />
          {user ? (
            <UserBox user={user} dark />
          ) : me.isPending ? null : (
            <>
              <LinkButton to="/login">
                {t('auth.login')}
              </LinkButton>
              <LinkButton to="/register" type="text" className="tb-on-dark">
                {t('auth.register')}
              </LinkButton>
            </>
          )}
        </div>
      </div>
    </header>
  );
}

function PortalFooter() {
  const { t } = useI18n();
  const center = useCenter();
  const c = center.data;
  return (
    <footer className="tb-portal-footer">
      <div>{c?.name ?? t('app.name')}</div>
      {c?.address || c?.phone ? (
        <div>
          {c.address ? `${t('footer.address')}${t('common.colon')}${c.address}` : ''}
          {c.address && c.phone ? '　' : ''}
          {c.phone ? `${t('footer.phone')}${t('common.colon')}${c.phone}` : ''}
        </div>
      ) : null}
      <div>{t('footer.poweredBy')}</div>
    </footer>
  );
}

/** The applicant's own pages: cases, drafts, questions and complaints. */
function MyNav() {
  const { t } = useI18n();
  const p = usePortalT();
  const n = useNotifyT();
  return (
    <nav className="tb-my-nav" aria-label={t('nav.myCases')}>
      <NavLink to="/my/cases" end>
        {t('nav.myCases')}
      </NavLink>
      <NavLink to="/my/drafts">{p('nav.drafts')}</NavLink>
      <NavLink to="/my/messages">{p('nav.messages')}</NavLink>
      <NavLink to="/my/notifications">{n('nt.centerTitle')}</NavLink>
    </nav>
  );
}

function NotFound() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={t('common.notFoundTitle')}
      subTitle={t('common.notFoundBody')}
      extra={
        <LinkButton to="/" type="primary">
          {t('auth.goHome')}
        </LinkButton>
      }
    />
  );
}

export default function PortalApp() {
  const { t } = useI18n();
  return (
    <div className="tb-portal">
      <a className="tb-skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <PortalHeader />
      <main id="main" className="tb-portal-main" tabIndex={-1}>
        <Routes>
          <Route index element={<HomePage />} />
          <Route path="items/:id" element={<ItemPage />} />
          <Route path="progress" element={<ProgressPage />} />
          <Route path="search" element={<SearchPage />} />
          <Route path="news" element={<NewsPage />} />
          <Route path="news/:id" element={<ArticlePage />} />
          <Route path="results" element={<ResultsPage />} />
          <Route path="consult" element={<ConsultPage />} />
          <Route
            path="my/drafts"
            element={
              <RequireRole roles={['applicant']}>
                <MyNav />
                <DraftsPage />
              </RequireRole>
            }
          />
          <Route
            path="my/messages"
            element={
              <RequireRole roles={['applicant']}>
                <MyNav />
                <MyMessagesPage />
              </RequireRole>
            }
          />
          <Route
            path="my/notifications"
            element={
              <RequireRole roles={['applicant']}>
                <MyNav />
                <MessageCenterPage />
              </RequireRole>
            }
          />
          <Route path="login" element={<LoginPage />} />
          <Route path="register" element={<RegisterPage />} />
          <Route
            path="my/cases"
            element={
              <RequireRole roles={['applicant']}>
                <MyNav />
                <MyCasesPage />
              </RequireRole>
            }
          />
          <Route
            path="my/cases/:id"
            element={
              <RequireRole roles={['applicant']}>
                <MyCaseDetailPage />
              </RequireRole>
            }
          />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </main>
      <PortalFooter />
    </div>
  );
}
