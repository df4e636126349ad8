/**
 * The supported subset of Camunda Forms (form-js) JSON. Field names follow form-js so that
 * the same file deploys to Camunda 8; Regie's own rules live in `properties` (see README).
 */

export const INPUT_TYPES = [
  'textfield',
  'textarea',
  'number',
  'checkbox',
  'checklist',
  'radio',
  'select',
  'datetime',
  'filepicker',
] as const;
export const CONTAINER_TYPES = ['group', 'dynamiclist'] as const;
export const DISPLAY_TYPES = ['text', 'html', 'separator', 'spacer', 'table'] as const;
export const COMPUTED_TYPES = ['expression'] as const;
/** A form-js submit/reset button is accepted and ignored: the renderer draws its own. */
export const IGNORED_TYPES = ['button'] as const;

export type InputType = (typeof INPUT_TYPES)[number];
export type ContainerType = (typeof CONTAINER_TYPES)[number];
export type DisplayType = (typeof DISPLAY_TYPES)[number];
export type ComponentType =
  | InputType
  | ContainerType
  | DisplayType
  | (typeof COMPUTED_TYPES)[number]
  | (typeof IGNORED_TYPES)[number];

/** A FEEL expression as form-js writes it: a string starting with `=`. */
export type FeelExpression = string;

export interface FormOption {
  label: string;
  value: string;
}

export interface FormValidate {
  required?: boolean;
  min?: number | FeelExpression;
  max?: number | FeelExpression;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  /** Regie reads this for the pattern's message; form-js ignores it. */
  patternErrorMessage?: string;
  validationType?: 'email' | 'phone' | 'custom';
}

/** Regie's value types, set as `properties["regie.type"]`. */
export const REGIE_TYPES = ['bsn', 'iban', 'kvk', 'postcode', 'euro'] as const;
export type RegieType = (typeof REGIE_TYPES)[number];

/** Date rule, set as `properties["regie.datum"]`. */
export const REGIE_DATE_RULES = ['niet-in-verleden', 'niet-in-toekomst'] as const;
export type RegieDateRule = (typeof REGIE_DATE_RULES)[number];

export interface TableColumn {
  label: string;
  key: string;
}

export interface FormComponent {
  type: ComponentType;
  id?: string;
  key?: string;
  /** group / dynamiclist: where its children's data lives (dot path). */
  path?: string;
  label?: string;
  description?: string;
  defaultValue?: unknown;
  readonly?: boolean | FeelExpression;
  disabled?: boolean | FeelExpression;
  conditional?: { hide?: FeelExpression };
  values?: FormOption[];
  valuesKey?: string;
  valuesExpression?: FeelExpression;
  validate?: FormValidate;
  /** form-js custom properties: string → string. Regie's additions live here. */
  properties?: Record<string, string>;
  components?: FormComponent[];
  // datetime
  subtype?: 'date' | 'time' | 'datetime';
  dateLabel?: string;
  disallowPassedDates?: boolean;
  // number
  decimalDigits?: number;
  // expression
  expression?: FeelExpression;
  computeOn?: 'change' | 'presubmit';
  // text / html
  text?: string;
  content?: string;
  // table
  dataSource?: string;
  columns?: TableColumn[];
  rowCount?: number;
  // filepicker
  accept?: string;
  multiple?: boolean | FeelExpression;
  // dynamiclist
  isRepeating?: boolean;
  defaultRepetitions?: number;
  allowAddRemove?: boolean;
  [extra: string]: unknown;
}

export interface FormSchema {
  type: 'default';
  /** Linked from BPMN by `zeebe:formDefinition formId`. */
  id: string;
  schemaVersion?: number;
  components: FormComponent[];
  [extra: string]: unknown;
}
