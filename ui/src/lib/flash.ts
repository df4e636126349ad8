/**
 * A one-time message carried across an in-app navigation, e.g. "Taak afgerond"
 * shown on the werkvoorraad after completing a task. Kept in memory only.
 */
let pending: string | null = null;

export function setFlash(message: string): void {
  pending = message;
}

/** Returns the pending message once, then forgets it. */
export function takeFlash(): string | null {
  const m = pending;
  pending = null;
  return m;
}
