import { Fieldset, FieldsetLegend } from '@utrecht/component-library-react';
import type { FormComponent } from '../schema/types.ts';
import type { ComponentProps } from './field-props.ts';
import type { PathSegment } from '../validation/paths.ts';
import { keySegments } from '../validation/paths.ts';
import { isHidden } from '../validation/feel.ts';
import { TextInputField } from './TextInputField.tsx';
import { CheckboxField, OptionGroupField, SelectField } from './ChoiceFields.tsx';
import { FilePickerField } from './FilePickerField.tsx';
import { DynamicListField } from './DynamicListField.tsx';
import { ExpressionView, HtmlView, SeparatorView, SpacerView, TableView, TextView } from './DisplayComponents.tsx';

function GroupView({ component, prefix, scope, scopeData }: ComponentProps) {
  const children = (
    <ComponentList
      components={component.components ?? []}
      prefix={[...prefix, ...keySegments(component.path)]}
      scope={scope}
      scopeData={scopeData}
    />
  );
  if (!component.label) return <div className="regie-group">{children}</div>;
  return (
    <Fieldset className="regie-group">
      <FieldsetLegend>{component.label}</FieldsetLegend>
      {children}
    </Fieldset>
  );
}

/** One component; hidden ones (conditional.hide) are not rendered at all, like form-js. */
export function ComponentRenderer(props: ComponentProps) {
  const { component, scope } = props;
  if (isHidden(component, scope)) return null;
  switch (component.type) {
    case 'textfield':
    case 'textarea':
    case 'number':
    case 'datetime':
      return <TextInputField {...props} />;
    case 'checkbox':
      return <CheckboxField {...props} />;
    case 'radio':
    case 'checklist':
      return <OptionGroupField {...props} />;
    case 'select':
      return <SelectField {...props} />;
    case 'filepicker':
      return <FilePickerField {...props} />;
    case 'group':
      return <GroupView {...props} />;
    case 'dynamiclist':
      return <DynamicListField {...props} />;
    case 'text':
      return <TextView {...props} />;
    case 'html':
      return <HtmlView {...props} />;
    case 'separator':
      return <SeparatorView />;
    case 'spacer':
      return <SpacerView />;
    case 'table':
      return <TableView {...props} />;
    case 'expression':
      return <ExpressionView {...props} />;
    default:
      return null;
  }
}

export function ComponentList(props: {
  components: readonly FormComponent[];
  prefix: PathSegment[];
  scope: Record<string, unknown>;
  scopeData: Record<string, unknown>;
}) {
  return (
    <>
      {props.components.map((component, index) => (
        <ComponentRenderer
          key={component.id ?? component.key ?? index}
          component={component}
          prefix={props.prefix}
          scope={props.scope}
          scopeData={props.scopeData}
        />
      ))}
    </>
  );
}
