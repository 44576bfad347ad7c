import { useSyncExternalStore } from 'react';

/** Hash routes (`#/projects/<id>/scans/<id>`): they work the same over app:// and http://. */
export type Route =
  | { name: 'projects' }
  | { name: 'project'; projectId: string }
  | { name: 'scan'; projectId: string; scanId: string; theme?: string }
  | { name: 'budget'; projectId: string; scanId: string }
  | { name: 'compare'; projectId: string; scanIds: string[] }
  | { name: 'revisions'; projectId: string; a?: string; b?: string }
  | { name: 'verify' }
  | { name: 'tender' }
  | { name: 'settings' }
  | { name: 'not-found'; path: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  const [pathname = '', query = ''] = path.split('?');
  const params = new URLSearchParams(query);
  let parts: string[];
  try {
    parts = pathname.split('/').filter(Boolean).map((p) => decodeURIComponent(p));
  } catch {
    // a malformed escape (#/projects/%E0%A4%A) is a link to nothing, not a crash
    return { name: 'not-found', path };
  }
  const [a, b, c, d, e] = parts;
  if (parts.length === 0 || (a === 'projects' && parts.length === 1)) return { name: 'projects' };
  if (a === 'settings' && parts.length === 1) return { name: 'settings' };
  if (a === 'verify' && parts.length === 1) return { name: 'verify' };
  if (a === 'tender' && parts.length === 1) return { name: 'tender' };
  if (a === 'projects' && b) {
    if (parts.length === 2) return { name: 'project', projectId: b };
    if (c === 'scans' && d && parts.length === 4) {
      const theme = params.get('theme');
      return theme ? { name: 'scan', projectId: b, scanId: d, theme } : { name: 'scan', projectId: b, scanId: d };
    }
    if (c === 'scans' && d && e === 'budget' && parts.length === 5) return { name: 'budget', projectId: b, scanId: d };
    if (c === 'revisions' && parts.length === 3) {
      const earlier = params.get('a');
      const later = params.get('b');
      return { name: 'revisions', projectId: b, ...(earlier ? { a: earlier } : {}), ...(later ? { b: later } : {}) };
    }
    if (c === 'compare' && parts.length === 3) {
      const scanIds = (params.get('scans') ?? '').split(',').filter(Boolean).slice(0, 3);
      return { name: 'compare', projectId: b, scanIds };
    }
  }
  return { name: 'not-found', path };
}

const enc = encodeURIComponent;

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'projects':
      return '#/projects';
    case 'project':
      return `#/projects/${enc(route.projectId)}`;
    case 'scan':
      return `#/projects/${enc(route.projectId)}/scans/${enc(route.scanId)}${route.theme ? `?theme=${enc(route.theme)}` : ''}`;
    case 'budget':
      return `#/projects/${enc(route.projectId)}/scans/${enc(route.scanId)}/budget`;
    case 'compare':
      return `#/projects/${enc(route.projectId)}/compare?scans=${route.scanIds.map(enc).join(',')}`;
    case 'revisions': {
      const query = new URLSearchParams();
      if (route.a) query.set('a', route.a);
      if (route.b) query.set('b', route.b);
      const text = query.toString();
      return `#/projects/${enc(route.projectId)}/revisions${text ? `?${text}` : ''}`;
    }
    case 'verify':
      return '#/verify';
    case 'tender':
      return '#/tender';
    case 'settings':
      return '#/settings';
    case 'not-found':
      return `#${route.path}`;
  }
}

/** Goes to a route; `replace` swaps the current history entry (Back skips it). */
export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  if (options.replace) window.location.replace(routeHref(route));
  else window.location.hash = routeHref(route);
}

function subscribe(callback: () => void): () => void {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
