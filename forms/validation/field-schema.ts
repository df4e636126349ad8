import * as yup from 'yup';
import type { FormComponent } from '../schema/types.ts';
import type { FieldKind } from './field-kind.ts';
import { messages } from './messages.ts';
import { isValidBsn, normalizeBsn } from './bsn.ts';
import { isValidIban, normalizeIban } from './iban.ts';
import { isValidKvk, normalizeKvk } from './kvk.ts';
import { normalizePostcode } from './postcode.ts';
import { isValidPhone } from './phone.ts';
import { parseMoney } from './money.ts';
import { decimalCount, parseNumber } from './number.ts';
import { isIsoDate } from './dates.ts';
import { findOption, type ResolvedOption } from './options.ts';

/** Any text field is capped so a payload cannot grow without bound. */
export const MAX_TEXT_LENGTH = 10_000;
const DOCUMENT_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$/;

export interface FieldRuleInput {
  component: FormComponent;
  kind: FieldKind;
  required: boolean;
  /** validate.min / max after FEEL; for euro fields in cents. */
  min?: number;
  max?: number;
  options: ResolvedOption[];
  multiple: boolean;
  /** Europe/Amsterdam date, ISO. */
  today: string;
}

const isEmpty = (v: unknown): boolean => v === undefined || v === null || v === '';
const trimmed = (v: unknown): unknown => (typeof v === 'string' ? v.trim() : v);

/** A Dutch text field: trimmed string, optionally required, capped. */
function text(input: FieldRuleInput, label: string | undefined): yup.StringSchema<string | null | undefined> {
  const s = yup.string().typeError(messages.notText).transform(trimmed).max(MAX_TEXT_LENGTH, messages.tooLong(MAX_TEXT_LENGTH));
  return input.required ? s.required(requiredMessages(input.component).required(label)) : s.nullable().optional();
}

/** A form author may word the "required" message better than any template: `regie.verplichtMelding`. */
function requiredMessages(component: FormComponent) {
  const own = component.properties?.['regie.verplichtMelding'];
  if (own === undefined) return messages;
  const same = () => own;
  return { required: same, choose: same, chooseAtLeastOne: same, mustCheck: same, fileRequired: same };
}

/** A custom rule that only looks at a filled-in value. */
function rule(name: string, message: string, ok: (v: string) => boolean) {
  return { name, message, test: (v: unknown) => isEmpty(v) || (typeof v === 'string' && ok(v)) };
}

/**
 * One field's rules as a Yup schema. validateSync returns the normalized value
 * (BSN 9 digits, IBAN electronic, postcode "1234 AB", money in cents).
 */
export function fieldSchema(input: FieldRuleInput): yup.AnySchema {
  const { component, kind, required, min, max } = input;
  const label = component.label;
  const req = requiredMessages(component);
  const v = component.validate ?? {};
  switch (kind) {
    case 'text': {
      let s = text(input, label);
      if (v.minLength !== undefined) s = s.test(rule('minLength', messages.tooShort(v.minLength), (t) => t.length >= v.minLength!));
      if (v.maxLength !== undefined) s = s.max(v.maxLength, messages.tooLong(v.maxLength));
      if (v.pattern !== undefined) {
        const pattern = new RegExp(v.pattern, 'u');
        s = s.test(rule('pattern', v.patternErrorMessage ?? messages.pattern, (t) => pattern.test(t)));
      }
      if (v.validationType === 'email') s = s.email(messages.email);
      if (v.validationType === 'phone') s = s.test(rule('phone', messages.phone, isValidPhone));
      return s;
    }
    case 'bsn':
      return text(input, label)
        .transform((x: unknown) => (typeof x === 'string' ? normalizeBsn(x) : x))
        .test(rule('bsn', messages.bsn, isValidBsn));
    case 'iban':
      return text(input, label)
        .transform((x: unknown) => (typeof x === 'string' && x !== '' ? normalizeIban(x) || x : x))
        .test(rule('iban', messages.iban, isValidIban));
    case 'kvk':
      return text(input, label)
        .transform((x: unknown) => (typeof x === 'string' ? normalizeKvk(x) : x))
        .test(rule('kvk', messages.kvk, isValidKvk));
    case 'postcode':
      return text(input, label)
        .transform((x: unknown) => (typeof x === 'string' && x !== '' ? normalizePostcode(x) ?? x : x))
        .test(rule('postcode', messages.postcode, (t) => normalizePostcode(t) === t));
    case 'euro':
      return yup
        .mixed()
        .nullable()
        // A value that does not parse stays as the reason why, so the test can say it.
        .transform((_: unknown, raw: unknown) => {
          if (isEmpty(trimmed(raw))) return null;
          const parsed = parseMoney(typeof raw === 'string' ? raw.trim() : raw);
          return parsed.ok ? parsed.cents : parsed;
        })
        .test('euro', messages.moneyFormat, function (value) {
          if (value === null || value === undefined) {
            return required ? this.createError({ message: req.required(label) }) : true;
          }
          if (typeof value !== 'number') {
            const reason = (value as { reason?: string }).reason;
            const message =
              reason === 'negative' ? messages.moneyNegative : reason === 'too-large' ? messages.moneyTooLarge : messages.moneyFormat;
            return this.createError({ message });
          }
          if (min !== undefined && value < min) return this.createError({ message: messages.moneyMin(min) });
          if (max !== undefined && value > max) return this.createError({ message: messages.moneyMax(max) });
          return true;
        });
    case 'number':
      return yup
        .mixed()
        .nullable()
        .transform((_: unknown, raw: unknown) => (isEmpty(trimmed(raw)) ? null : parseNumber(raw) ?? raw))
        .test('number', messages.number, function (value) {
          if (value === null || value === undefined) {
            return required ? this.createError({ message: req.required(label) }) : true;
          }
          if (typeof value !== 'number') return this.createError({ message: messages.number });
          if (component.decimalDigits !== undefined && decimalCount(value) > component.decimalDigits) {
            return this.createError({ message: messages.decimals(component.decimalDigits) });
          }
          if (min !== undefined && value < min) return this.createError({ message: messages.numberMin(min) });
          if (max !== undefined && value > max) return this.createError({ message: messages.numberMax(max) });
          return true;
        });
    case 'checkbox':
      // Not yup.boolean(): it would cast "false" and 0, and a payload should say what it means.
      return yup
        .mixed()
        .nullable()
        .transform((_: unknown, raw: unknown) => (raw === undefined || raw === null ? false : raw))
        .test('checkbox', messages.checkbox, function (value) {
          if (typeof value !== 'boolean') return this.createError({ message: messages.checkbox });
          return required && !value ? this.createError({ message: req.mustCheck(label) }) : true;
        });
    case 'checklist':
      return yup
        .mixed()
        .nullable()
        .transform((_: unknown, raw: unknown) => (raw === undefined || raw === null ? [] : raw))
        .test('checklist', messages.option, function (value) {
          if (!Array.isArray(value) || value.some((item) => findOption(input.options, item) === undefined)) {
            return this.createError({ message: messages.option });
          }
          if (required && value.length === 0) return this.createError({ message: req.chooseAtLeastOne(label) });
          return true;
        })
        .transform((value: unknown) =>
          Array.isArray(value)
            ? [...new Set(value.map((item) => findOption(input.options, item)?.value ?? item))]
            : value,
        );
    case 'choice':
      return yup
        .mixed()
        .nullable()
        .transform((_: unknown, raw: unknown) => {
          if (isEmpty(raw)) return null;
          return findOption(input.options, raw)?.value ?? raw;
        })
        .test('choice', messages.option, function (value) {
          if (value === null || value === undefined) {
            return required ? this.createError({ message: req.choose(label) }) : true;
          }
          return findOption(input.options, value) ? true : this.createError({ message: messages.option });
        });
    case 'date': {
      const notPast = component.disallowPassedDates === true || component.properties?.['regie.datum'] === 'niet-in-verleden';
      const notFuture = component.properties?.['regie.datum'] === 'niet-in-toekomst';
      let s = text(input, label).test(rule('date', messages.date, isIsoDate));
      if (notPast) s = s.test(rule('notPast', messages.dateNotPast(input.today), (d) => d >= input.today));
      if (notFuture) s = s.test(rule('notFuture', messages.dateNotFuture(input.today), (d) => d <= input.today));
      return s;
    }
    case 'file':
      return yup
        .mixed()
        .nullable()
        .transform((_: unknown, raw: unknown) => (isEmpty(raw) ? (input.multiple ? [] : null) : raw))
        .test('file', messages.file, function (value) {
          const ids = value === null || value === undefined ? [] : input.multiple ? value : [value];
          if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string' || !DOCUMENT_ID.test(id))) {
            return this.createError({ message: messages.file });
          }
          if (required && ids.length === 0) return this.createError({ message: req.fileRequired(label) });
          return true;
        });
    case 'expression':
      return yup.mixed().nullable();
  }
}
