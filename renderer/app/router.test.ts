import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, type Route } from './router';

describe('routes', () => {
  it.each<Route>([
    { name: 'projects' },
    { name: 'project', projectId: 'p 1' },
    { name: 'scan', projectId: 'p1', scanId: 's1' },
    { name: 'scan', projectId: 'p1', scanId: 's1', theme: 'C' },
    { name: 'budget', projectId: 'p1', scanId: 's1' },
    { name: 'compare', projectId: 'p1', scanIds: ['a', 'b', 'c'] },
    { name: 'revisions', projectId: 'p1' },
    { name: 'revisions', projectId: 'p1', a: 'r1', b: 'r2' },
    { name: 'verify' },
    { name: 'settings' },
  ])('round-trips %o', (route) => {
    expect(parseRoute(routeHref(route))).toEqual(route);
  });

  it('starts on the projects list and sends unknown paths to not-found', () => {
    expect(parseRoute('')).toEqual({ name: 'projects' });
    expect(parseRoute('#/what')).toEqual({ name: 'not-found', path: '/what' });
  });

  it('a malformed link (#/projects/%E0%A4%A) shows the not-found page instead of crashing (issue 14, item 7)', () => {
    expect(parseRoute('#/projects/%E0%A4%A')).toEqual({ name: 'not-found', path: '/projects/%E0%A4%A' });
    expect(parseRoute('#/projects/x/scans/%')).toEqual({ name: 'not-found', path: '/projects/x/scans/%' });
  });

  it('compares at most three scans', () => {
    expect(parseRoute('#/projects/p/compare?scans=a,b,c,d')).toEqual({ name: 'compare', projectId: 'p', scanIds: ['a', 'b', 'c'] });
  });
});
