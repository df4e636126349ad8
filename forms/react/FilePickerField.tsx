import { useState } from 'react';
import type { ComponentProps } from './field-props.ts';
import { FieldFrame } from './FieldFrame.tsx';
import { useField } from './use-field.ts';
import { useRegieForm } from './form-context.ts';
import { resolveFlag } from '../validation/feel.ts';

interface Upload {
  name: string;
  progress: number;
  state: 'bezig' | 'klaar' | 'mislukt';
}

/** Uploads each chosen file to the zaak's documents at once; the field holds document ids. */
export function FilePickerField(props: ComponentProps) {
  const { component, scope } = props;
  const field = useField(props);
  const { onUpload } = useRegieForm();
  const multiple = resolveFlag(component.multiple, scope);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const unavailable = !onUpload;

  async function upload(files: File[]) {
    if (!onUpload) return;
    const start: Upload[] = files.map((f) => ({ name: f.name, progress: 0, state: 'bezig' }));
    setUploads(multiple ? (current) => [...current, ...start] : start);
    const offset = multiple ? uploads.length : 0;
    const ids: string[] = [];
    await Promise.all(
      files.map(async (file, i) => {
        const update = (patch: Partial<Upload>) =>
          setUploads((current) => current.map((u, j) => (j === offset + i ? { ...u, ...patch } : u)));
        try {
          const { documentId } = await onUpload(file, (fraction) => update({ progress: Math.max(0, Math.min(1, fraction)) }));
          ids[i] = documentId;
          update({ progress: 1, state: 'klaar' });
        } catch {
          update({ state: 'mislukt' });
        }
      }),
    );
    const done = ids.filter((id): id is string => typeof id === 'string');
    if (multiple) field.setValue([...(Array.isArray(field.value) ? (field.value as string[]) : []), ...done]);
    else field.setValue(done[0] ?? null);
  }

  return (
    <FieldFrame
      id={field.id}
      label={field.label}
      description={component.description}
      hint={unavailable ? 'Bestanden toevoegen is hier nu niet mogelijk.' : undefined}
      error={field.error}
      optional={field.optional}
    >
      {(aria) => (
        <>
          <input
            {...aria}
            type="file"
            id={field.id}
            name={field.name}
            className="utrecht-textbox utrecht-textbox--html-input regie-file-input"
            accept={component.accept}
            multiple={multiple}
            disabled={unavailable || field.disabled || field.readOnly}
            aria-required={field.optional ? undefined : true}
            onChange={(event) => {
              const files = [...(event.target.files ?? [])];
              if (files.length > 0) void upload(files);
            }}
          />
          <ul className="utrecht-unordered-list regie-uploads" aria-live="polite">
            {uploads.map((u, i) => (
              <li className="utrecht-unordered-list__item" key={`${u.name}-${i}`}>
                {u.state === 'bezig' && (
                  <>
                    <progress value={u.progress} max={1} aria-label={`Uploaden van ${u.name}`} />{' '}
                    {u.name}: {Math.round(u.progress * 100)}% geüpload
                  </>
                )}
                {u.state === 'klaar' && <>{u.name} is toegevoegd.</>}
                {u.state === 'mislukt' && <>Het uploaden van {u.name} is mislukt. Probeer het opnieuw.</>}
              </li>
            ))}
          </ul>
        </>
      )}
    </FieldFrame>
  );
}
