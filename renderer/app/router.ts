import { useSyncExternalStore } from 'react';

/** Hash routes (`#/projects`, `#/projects/<id>`): they work the same over app:// and http://. */
export type Route =
  | { name: 'projects' }
  | { name: 'settings' }
  | { name: 'not-found'; path: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  const parts = path.split('/').filter(Boolean).map((p) => decodeURIComponent(p));
  if (parts.length === 0 || (parts[0] === 'projects' && parts.length === 1)) return { name: 'projects' };
  if (parts[0] === 'settings' && parts.length === 1) return { name: 'settings' };
  return { name: 'not-found', path };
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'projects':
      return '#/projects';
    case 'settings':
      return '#/settings';
    case 'not-found':
      return `#${route.path}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

function subscribe(callback: () => void): () => void {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
