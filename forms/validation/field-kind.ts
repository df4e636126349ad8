import type { FormComponent, RegieType } from '../schema/types.ts';

export type FieldKind =
  | 'text'
  | RegieType
  | 'number'
  | 'checkbox'
  | 'checklist'
  | 'choice'
  | 'date'
  | 'file'
  | 'expression';

/** What kind of value a keyed component holds; Regie's `regie.type` refines a textfield. */
export function fieldKind(component: FormComponent): FieldKind | undefined {
  const regieType = component.properties?.['regie.type'] as RegieType | undefined;
  switch (component.type) {
    case 'textfield':
      return regieType ?? 'text';
    case 'textarea':
      return 'text';
    case 'number':
      return 'number';
    case 'checkbox':
      return 'checkbox';
    case 'checklist':
      return 'checklist';
    case 'radio':
    case 'select':
      return 'choice';
    case 'datetime':
      return 'date';
    case 'filepicker':
      return 'file';
    case 'expression':
      return 'expression';
    default:
      return undefined;
  }
}

/** The value a visible field holds when left empty, so FEEL never meets a missing variable. */
export function emptyValue(kind: FieldKind, multiple = false): unknown {
  switch (kind) {
    case 'text':
    case 'bsn':
    case 'iban':
    case 'kvk':
    case 'postcode':
      return '';
    case 'checkbox':
      return false;
    case 'checklist':
      return [];
    case 'file':
      return multiple ? [] : null;
    default:
      return null;
  }
}
