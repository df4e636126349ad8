import { FormLabel, RadioButton } from '@utrecht/component-library-react';

/**
 * The options of one radio question, inside the caller's Fieldset and legend. The first option
 * carries the field's own id, so an error summary's link lands on the question.
 */
export function RadioOpties({
  id,
  name,
  opties,
  gekozen,
  invalid = false,
  onKies,
}: {
  id: string;
  name: string;
  opties: ReadonlyArray<readonly [waarde: string, tekst: string]>;
  gekozen: string;
  invalid?: boolean;
  onKies: (waarde: string) => void;
}) {
  return (
    <>
      {opties.map(([waarde, tekst], i) => {
        const rid = i === 0 ? id : `${id}-${i}`;
        return (
          <div className="utrecht-form-field utrecht-form-field--radio" key={waarde}>
            <div className="utrecht-form-field__label">
              <FormLabel htmlFor={rid} type="radio">
                {tekst}
              </FormLabel>
            </div>
            <div className="utrecht-form-field__input">
              <RadioButton id={rid} name={name} value={waarde} checked={gekozen === waarde} invalid={invalid} onChange={() => onKies(waarde)} />
            </div>
          </div>
        );
      })}
    </>
  );
}
