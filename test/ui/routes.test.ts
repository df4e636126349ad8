/** Route table and role homes: pure functions, no DOM. */
import { describe, expect, it } from 'vitest';
import { HOMES, homesFor } from '../../ui/src/homes.ts';
import { ROLES } from '../../ui/src/api.ts';
import { resolveRoute } from '../../ui/src/routes.tsx';
import { matchPath } from '../../ui/src/router.tsx';

describe('homes', () => {
  it('every role has a home with a unique path', () => {
    const paths = ROLES.map((r) => HOMES[r].path);
    expect(new Set(paths).size).toBe(ROLES.length);
  });

  it('orders homes by the fixed role order and ignores unknown roles', () => {
    expect(homesFor(['manager', 'onbekend', 'klantmanager']).map((h) => h.title)).toEqual(['Werkvoorraad', 'Doorlooptijden']);
    expect(homesFor([])).toEqual([]);
  });
});

describe('routes', () => {
  it('resolves a home for its role, forbids it for others, and reports unknown paths', () => {
    expect(resolveRoute('/werkvoorraad', ['klantmanager']).kind).toBe('ok');
    expect(resolveRoute('/werkvoorraad', ['klant']).kind).toBe('forbidden');
    expect(resolveRoute('/nergens', ['klantmanager']).kind).toBe('not-found');
  });

  it('matches path parameters', () => {
    expect(matchPath('/zaken/:id', '/zaken/z%2042')).toEqual({ id: 'z 42' });
    expect(matchPath('/zaken/:id', '/zaken')).toBeNull();
    expect(matchPath('/zaken/:id', '/taken/1')).toBeNull();
  });
});
