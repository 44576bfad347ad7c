import { useEffect } from 'react';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { Layout } from '../components/Layout';
import { BudgetScreen } from '../screens/BudgetScreen';
import { CompareScreen } from '../screens/CompareScreen';
import { NotFoundScreen } from '../screens/NotFoundScreen';
import { ProjectScreen } from '../screens/ProjectScreen';
import { ProjectsScreen } from '../screens/ProjectsScreen';
import { RevisionsScreen } from '../screens/RevisionsScreen';
import { ScanScreen } from '../screens/ScanScreen';
import { SettingsScreen } from '../screens/SettingsScreen';
import { TenderScreen } from '../screens/TenderScreen';
import { VerifyScreen } from '../screens/VerifyScreen';
import { useLocale, useT, useUi } from '../state/store';
import { useOpenedFiles } from './opened-files';
import { useRoute, type Route } from './router';

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'projects':
      return <ProjectsScreen />;
    case 'project':
      return <ProjectScreen projectId={route.projectId} />;
    case 'scan':
      return <ScanScreen projectId={route.projectId} scanId={route.scanId} theme={route.theme} />;
    case 'budget':
      return <BudgetScreen projectId={route.projectId} scanId={route.scanId} />;
    case 'compare':
      return <CompareScreen projectId={route.projectId} scanIds={route.scanIds} />;
    case 'revisions':
      return <RevisionsScreen projectId={route.projectId} a={route.a} b={route.b} />;
    case 'verify':
      return <VerifyScreen />;
    case 'tender':
      return <TenderScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'not-found':
      return <NotFoundScreen />;
  }
}

export function App() {
  const appState = useUi((s) => s.appState);
  const startupError = useUi((s) => s.startupError);
  const locale = useLocale();
  const t = useT();
  const route = useRoute();
  useOpenedFiles();

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('app.name');
  }, [locale, t]);

  useEffect(() => {
    document.documentElement.dataset.appState = appState;
  }, [appState]);

  // A new screen (or a new theme of a scan) starts at the top, as a new page would.
  const routeKey = JSON.stringify(route);
  useEffect(() => {
    window.scrollTo({ top: 0 });
  }, [routeKey]);

  if (appState === 'loading') return <p className="startup">{t('app.loading')}</p>;
  if (appState === 'failed') {
    return (
      <section className="panel error-panel" role="alert">
        <h1>{t('error.title')}</h1>
        <p>{t('error.storage', { reason: startupError ?? '' })}</p>
      </section>
    );
  }
  return (
    <Layout route={route}>
      <ErrorBoundary resetKey={JSON.stringify(route)}>
        <Screen route={route} />
      </ErrorBoundary>
    </Layout>
  );
}
