import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { createQueryClient } from './api/queryClient.ts';
import { RequireAuth } from './modules/auth/components/RequireAuth.tsx';
import { AppLayout } from './ui/AppLayout.tsx';
import { FullPageSpin } from './ui/FullPageSpin.tsx';
import { ROADMAP_ITEMS } from './ui/navigation.tsx';

const LoginPage = lazy(() => import('./pages/LoginPage.tsx'));
const OverviewPage = lazy(() => import('./pages/OverviewPage.tsx'));
const SourcesPage = lazy(() => import('./pages/SourcesPage.tsx'));
const ProfilesPage = lazy(() => import('./pages/ProfilesPage.tsx'));
const ProfilePage = lazy(() => import('./pages/ProfilePage.tsx'));
const DebuggerPage = lazy(() => import('./pages/DebuggerPage.tsx'));
const ImportsPage = lazy(() => import('./pages/ImportsPage.tsx'));
const IdentityPage = lazy(() => import('./pages/IdentityPage.tsx'));
const TagsPage = lazy(() => import('./pages/TagsPage.tsx'));
const TagPage = lazy(() => import('./pages/TagPage.tsx'));
const TagEditPage = lazy(() => import('./pages/TagEditPage.tsx'));
const AudiencesPage = lazy(() => import('./pages/AudiencesPage.tsx'));
const AudiencePage = lazy(() => import('./pages/AudiencePage.tsx'));
const AudienceEditPage = lazy(() => import('./pages/AudienceEditPage.tsx'));
const DestinationsPage = lazy(() => import('./pages/DestinationsPage.tsx'));
const DestinationPage = lazy(() => import('./pages/DestinationPage.tsx'));
const DestinationEditPage = lazy(() => import('./pages/DestinationEditPage.tsx'));
const JourneysPage = lazy(() => import('./pages/JourneysPage.tsx'));
const JourneyPage = lazy(() => import('./pages/JourneyPage.tsx'));
const JourneyEditPage = lazy(() => import('./pages/JourneyEditPage.tsx'));
const JourneyPolicyPage = lazy(() => import('./pages/JourneyPolicyPage.tsx'));
const SettingsPage = lazy(() => import('./pages/SettingsPage.tsx'));
const RoadmapPage = lazy(() => import('./pages/RoadmapPage.tsx'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage.tsx'));

function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<OverviewPage />} />
        <Route path="sources" element={<SourcesPage />} />
        <Route path="debugger" element={<DebuggerPage />} />
        <Route path="profiles" element={<ProfilesPage />} />
        <Route path="profiles/:id" element={<ProfilePage />} />
        <Route path="imports" element={<ImportsPage />} />
        <Route path="identity" element={<IdentityPage />} />
        <Route path="tags" element={<TagsPage />} />
        <Route path="tags/new" element={<TagEditPage />} />
        <Route path="tags/:id" element={<TagPage />} />
        <Route path="tags/:id/edit" element={<TagEditPage />} />
        <Route path="audiences" element={<AudiencesPage />} />
        <Route path="audiences/new" element={<AudienceEditPage />} />
        <Route path="audiences/:id" element={<AudiencePage />} />
        <Route path="audiences/:id/edit" element={<AudienceEditPage />} />
        <Route path="destinations" element={<DestinationsPage />} />
        <Route path="destinations/new" element={<DestinationEditPage />} />
        <Route path="destinations/:id" element={<DestinationPage />} />
        <Route path="destinations/:id/edit" element={<DestinationEditPage />} />
        <Route path="journeys" element={<JourneysPage />} />
        <Route path="journeys/new" element={<JourneyEditPage />} />
        <Route path="journeys/policy" element={<JourneyPolicyPage />} />
        <Route path="journeys/:id" element={<JourneyPage />} />
        <Route path="journeys/:id/edit" element={<JourneyEditPage />} />
        <Route path="settings" element={<SettingsPage />} />
        {ROADMAP_ITEMS.map((item) => (
          <Route key={item.key} path={`${item.key}/*`} element={<RoadmapPage feature={item.key} />} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

export function App() {
  const { i18n } = useTranslation();
  const [queryClient] = useState(createQueryClient);
  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : zhCN}
      theme={{ token: { colorPrimary: '#1677ff' } }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <Suspense fallback={<FullPageSpin />}>
              <AppRoutes />
            </Suspense>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
