import type { FormComponent } from '../schema/types.ts';
import type { PathSegment } from '../validation/paths.ts';

/** What every rendered component gets: its schema, where its data lives, and its FEEL scope. */
export interface ComponentProps {
  component: FormComponent;
  /** Data path of the current level (row indexes and group paths included). */
  prefix: PathSegment[];
  scope: Record<string, unknown>;
  /** Evaluated data at the current level, for row scopes. */
  scopeData: Record<string, unknown>;
}
