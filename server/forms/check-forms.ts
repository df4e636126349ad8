import { FormSchemaError, loadFormSchema } from '../../forms/index.ts';
import type { DeployResource } from '../../engine/port.ts';
import type { FieldError } from '../http/problem.ts';

/**
 * Checks every .form resource with the same loader the renderer and the
 * validator use, before anything is deployed: an unknown component type or a
 * broken FEEL expression is refused with the component's key.
 */
export function checkFormResources(resources: readonly DeployResource[]): FieldError[] {
  const errors: FieldError[] = [];
  for (const r of resources) {
    if (!r.name.endsWith('.form')) continue;
    const text = typeof r.content === 'string' ? r.content : Buffer.from(r.content).toString('utf8');
    try {
      loadFormSchema(text);
    } catch (err) {
      if (!(err instanceof FormSchemaError)) throw err;
      errors.push({ field: err.componentKey ? `${r.name}#${err.componentKey}` : r.name, message: err.message });
    }
  }
  return errors;
}
