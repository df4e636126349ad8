/** Data paths: form-js keys are dot paths; dynamic list rows add array indexes. */
export type PathSegment = string | number;

export function keySegments(key: string | undefined): string[] {
  return key ? key.split('.') : [];
}

/** `begroting[0].bedrag` — the same notation Formik and Yup use. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const s of segments) out += typeof s === 'number' ? `[${s}]` : out === '' ? s : `.${s}`;
  return out;
}

export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  for (const part of path.split('.')) {
    const match = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) {
      segments.push(part);
      continue;
    }
    if (match[1]) segments.push(match[1]);
    for (const index of (match[2] ?? '').matchAll(/\[(\d+)\]/g)) segments.push(Number(index[1]));
  }
  return segments;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

export function getIn(value: unknown, segments: readonly PathSegment[]): unknown {
  let current = value;
  for (const s of segments) {
    if (typeof s === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[s];
    } else {
      if (!isPlainObject(current) || !Object.hasOwn(current, s)) return undefined;
      current = current[s];
    }
  }
  return current;
}

/** Sets a value, creating plain objects on the way (never touching prototypes). */
export function setIn(target: Record<string, unknown>, segments: readonly string[], value: unknown): void {
  let current = target;
  segments.forEach((s, i) => {
    if (i === segments.length - 1) {
      Object.defineProperty(current, s, { value, enumerable: true, writable: true, configurable: true });
      return;
    }
    let next = Object.hasOwn(current, s) ? current[s] : undefined;
    if (!isPlainObject(next)) {
      next = {};
      Object.defineProperty(current, s, { value: next, enumerable: true, writable: true, configurable: true });
    }
    current = next as Record<string, unknown>;
  });
}

/** A stable DOM id for a field path: keys hold only letters, digits and _. */
export function fieldDomId(path: string): string {
  return 'regie-veld-' + path.replace(/\./g, '__').replace(/\[(\d+)\]/g, '--$1');
}
