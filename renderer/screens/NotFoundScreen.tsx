import { useT } from '../state/store';

export function NotFoundScreen() {
  const t = useT();
  return (
    <section className="screen" aria-labelledby="nf-title">
      <h1 id="nf-title">{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <a href="#/projects">{t('error.home')}</a>
      </p>
    </section>
  );
}
