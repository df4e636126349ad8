import type { FormComponent } from '../schema/types.ts';
import { keySegments } from './paths.ts';

/** The data keys a form may carry, level by level; a dynamic list holds one row shape. */
export type Shape = Map<string, Shape | 'leaf' | { row: Shape }>;

function place(shape: Shape, segments: string[], entry: 'leaf' | { row: Shape }): void {
  let level = shape;
  segments.forEach((s, i) => {
    if (i === segments.length - 1) {
      level.set(s, entry);
      return;
    }
    let next = level.get(s);
    if (!(next instanceof Map)) {
      next = new Map();
      level.set(s, next);
    }
    level = next;
  });
}

export function buildShape(components: readonly FormComponent[], prefix: string[] = [], shape: Shape = new Map()): Shape {
  for (const c of components) {
    if (c.type === 'group') buildShape(c.components ?? [], [...prefix, ...keySegments(c.path)], shape);
    else if (c.type === 'dynamiclist') place(shape, [...prefix, ...keySegments(c.path)], { row: buildShape(c.components ?? []) });
    else if (c.key !== undefined) place(shape, [...prefix, ...keySegments(c.key)], 'leaf');
  }
  return shape;
}
