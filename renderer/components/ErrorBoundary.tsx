import { Component, type ErrorInfo, type ReactNode } from 'react';
import { profileIssuesText, scanInputErrorText } from '../../report/input-strings';
import { ScanInputError } from '../../scoring/errors';
import { ProfileMismatchError } from '../../scoring/profile';
import { translate } from '../i18n';
import { useUi } from '../state/store';

interface Props {
  children: ReactNode;
  /** Changing this key clears a shown error (e.g. the route). */
  resetKey?: string;
}

interface State {
  error: Error | null;
  resetKey?: string;
}

/** Shows a helpful message instead of a white screen; saved data is never touched by a render error. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('QuickScan render error', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const locale = useUi.getState().locale;
    const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
    return (
      <section className="panel error-panel" role="alert" aria-labelledby="error-title">
        <h1 id="error-title">{t('error.title')}</h1>
        <p>{t('error.body')}</p>
        <details>
          <summary>{t('error.details')}</summary>
          <pre>{error instanceof ScanInputError ? scanInputErrorText(error, locale) : error instanceof ProfileMismatchError ? profileIssuesText(error.issues, locale) : error.message}</pre>
        </details>
        <div className="button-row">
          <button type="button" className="button primary" onClick={() => window.location.reload()}>
            {t('error.reload')}
          </button>
          <a className="button" href="#/projects" onClick={() => this.setState({ error: null })}>
            {t('error.home')}
          </a>
        </div>
      </section>
    );
  }
}
