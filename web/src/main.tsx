import { StrictMode, Suspense, lazy, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntdApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ApiError } from './api';
import { I18nProvider, useI18n } from './i18n';
import { ME_KEY } from './ui/auth';
import { useFocusableScrollRegions } from './ui/focusableScroll';
import './ui/global.css';

// One chunk per app shell: a citizen never downloads the staff screens.
const PortalApp = lazy(() => import('./portal/PortalApp'));
const WorkbenchApp = lazy(() => import('./workbench/WorkbenchApp'));
const SupervisionApp = lazy(() => import('./supervision/SupervisionApp'));
const AdminApp = lazy(() => import('./admin/AdminApp'));

// A 401 on any call means the session ended (expired, or logged out in
// another tab): forget the user, so guarded pages send them to /login.
function onApiError(error: unknown) {
  if (error instanceof ApiError && error.status === 401) queryClient.setQueryData(ME_KEY, null);
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      refetchOnWindowFocus: true,
      // Business errors (4xx) will not change on retry; network blips may.
      retry: (failureCount, error) => failureCount < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});

function Loading() {
  const { t } = useI18n();
  return (
    <div className="tb-page-loading">
      <Spin size="large" description={t('common.loading')} />
    </div>
  );
}

/** Whether the person asked their system for less motion (WCAG 2.3.3): antd's zooms, slides and fades are then off. */
function usePrefersReducedMotion(): boolean {
  const query = '(prefers-reduced-motion: reduce)';
  const [reduced, setReduced] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const changed = () => setReduced(list.matches);
    list.addEventListener('change', changed);
    return () => list.removeEventListener('change', changed);
  }, []);
  return reduced;
}

function Shell() {
  const { locale } = useI18n();
  const reducedMotion = usePrefersReducedMotion();
  useFocusableScrollRegions();
  return (
    <ConfigProvider
      locale={locale === 'zh' ? zhCN : enUS}
      // antd would render 登录 as "登 录", which changes the button's accessible name.
      button={{ autoInsertSpace: false }}
      theme={{
        token: {
          motion: !reducedMotion,
          colorPrimary: '#1f5fbf',
          colorLink: '#1552b0',
          // antd derives hover colours by lightening: #598dc9 on a hovered row is 3.3:1. Hover darkens instead.
          colorLinkHover: '#0f3f8a',
          colorLinkActive: '#0c3270',
          colorPrimaryHover: '#1a4fa0',
          borderRadius: 6,
          // antd's default greys (45% black) fall below 4.5:1 on white (WCAG 1.4.3).
          colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
          colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
          colorTextDescription: 'rgba(0, 0, 0, 0.62)',
          colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
          // antd's #ff4d4f on white is 3.3:1; danger buttons carry text.
          colorError: '#c4161c',
          fontFamily:
            "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'WenQuanYi Micro Hei', sans-serif",
        },
      }}
    >
      <AntdApp>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/workbench/*" element={<WorkbenchApp />} />
            <Route path="/supervision/*" element={<SupervisionApp />} />
            <Route path="/admin/*" element={<AdminApp />} />
            <Route path="/*" element={<PortalApp />} />
          </Routes>
        </Suspense>
      </AntdApp>
    </ConfigProvider>
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('#root missing from index.html');

createRoot(container).render(
  <StrictMode>
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <Shell />
        </BrowserRouter>
      </QueryClientProvider>
    </I18nProvider>
  </StrictMode>,
);
