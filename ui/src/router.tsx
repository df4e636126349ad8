/**
 * A tiny history router (no dependency): the current path as React state,
 * navigate() for programmatic moves, and link props that keep normal links
 * (middle click, ctrl-click, copy link) working. The server answers every
 * non-API path with index.html, so deep links and reloads work.
 */
import { useSyncExternalStore, type MouseEvent } from 'react';

const NAVIGATE_EVENT = 'regie:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

function currentPath(): string {
  return window.location.pathname;
}

/** The current location path, re-rendering on every navigation. */
export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath, () => '/');
}

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (to === currentPath() + window.location.search) return;
  if (opts.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** Props for an <a> (or Utrecht Link / NavListLink) that navigates inside the app. */
export function linkProps(href: string): { href: string; onClick: (e: MouseEvent<HTMLAnchorElement>) => void } {
  return {
    href,
    onClick(e) {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      navigate(href);
    },
  };
}

/**
 * Matches '/zaken/:id' against '/zaken/42' → { id: '42' }; null when it does not match.
 * Enough for the routes we have; no wildcards, no optional segments.
 */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/').filter(Boolean);
  const s = path.split('/').filter(Boolean);
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const part = p[i]!;
    const seg = s[i]!;
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(seg);
    else if (part !== seg) return null;
  }
  return params;
}
