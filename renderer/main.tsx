import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { registerOfflineSupport } from './app/offline';
import { ErrorBoundary } from './components/ErrorBoundary';
import { useUi } from './state/store';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');
void useUi.getState().init();
void registerOfflineSupport();
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
