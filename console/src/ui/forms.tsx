import { useId, type ComponentProps, type ReactNode } from 'react';
import type { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';

/** The message of the API for a field (e.g. `input.neq`), if it refused that field. */
export function fieldError(error: ApiError | null | undefined, name: string): string | undefined {
  return error?.fields.find((f) => f.field === `input.${name}` || f.field === name)?.message;
}

interface FieldProps {
  label: string;
  /** Shown under the label and tied to the control by aria-describedby. */
  help?: string;
  error?: string;
  required?: boolean;
}

function FieldShell({ label, help, error, required, id, children }: FieldProps & { id: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="required"> ({t('app.required')})</span> : null}
      </label>
      {help ? <p className="help" id={`${id}-help`}>{help}</p> : null}
      {children}
      {error ? <p className="error" id={`${id}-error`}>{error}</p> : null}
    </div>
  );
}

function describedBy(id: string, help?: string, error?: string) {
  return [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

export function TextField({ label, help, error, required, ...input }: FieldProps & ComponentProps<'input'>) {
  const id = useId();
  return (
    <FieldShell {...{ label, help, error, required, id }}>
      <input id={id} required={required} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, help, error)} {...input} />
    </FieldShell>
  );
}

export function TextArea({ label, help, error, required, ...input }: FieldProps & ComponentProps<'textarea'>) {
  const id = useId();
  return (
    <FieldShell {...{ label, help, error, required, id }}>
      <textarea id={id} required={required} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, help, error)} {...input} />
    </FieldShell>
  );
}

export function SelectField({
  label, help, error, required, options, placeholder, ...select
}: FieldProps & ComponentProps<'select'> & { options: { value: string; label: string }[]; placeholder?: string }) {
  const id = useId();
  return (
    <FieldShell {...{ label, help, error, required, id }}>
      <select id={id} required={required} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, help, error)} {...select}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </FieldShell>
  );
}

/** Checkboxes for a list of values, in a fieldset with its legend. */
export function CheckboxGroup({
  legend, options, value, onChange, error,
}: { legend: string; options: { value: string; label: string }[]; value: string[]; onChange: (next: string[]) => void; error?: string }) {
  const id = useId();
  return (
    <fieldset className={`field checkboxes${error ? ' field--invalid' : ''}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="checkbox">
          <input
            type="checkbox"
            checked={value.includes(o.value)}
            onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))}
          />
          {o.label}
        </label>
      ))}
      {error ? <p className="error" id={`${id}-error`}>{error}</p> : null}
    </fieldset>
  );
}

/** The API's refusal above a form: its message, then each field it named (linked to the control when we know it). */
export function ErrorSummary({ error }: { error: ApiError | null | undefined }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <div className="alert alert--error" role="alert">
      <p>{error.message}</p>
      {error.fields.length ? (
        <>
          <p>{t('app.errorSummary')}</p>
          <ul>
            {error.fields.map((f) => (
              <li key={f.field}>{f.message}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

/** Options of an enum, labelled from the catalogue. */
export function useEnumOptions() {
  const { label } = useI18n();
  return <E extends Parameters<typeof label>[0]>(name: E, values: readonly string[]) => values.map((value) => ({ value, label: label(name, value) }));
}
