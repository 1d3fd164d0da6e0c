'use client';

import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/input';
import { useEditorEnv } from '../editor-context';

/** The tenant's subaccounts; a value that is not one of them (from an import) stays selectable. */
export function SubAccountSelect({
  id,
  label = 'Subaccount',
  value,
  onChange,
  help,
}: {
  id: string;
  label?: string;
  value: string | undefined;
  onChange: (v: string) => void;
  help?: string;
}) {
  const { subAccounts } = useEditorEnv();
  const known = subAccounts.some((s) => s.id === value);
  return (
    <Field
      label={label}
      htmlFor={id}
      help={help}
      error={value && !known ? `"${value}" is not one of this account's subaccounts` : !value ? 'Choose a subaccount' : null}
    >
      <Select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        <option value="">Choose…</option>
        {!known && value ? <option value={value}>{value}</option> : null}
        {subAccounts.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name === s.id ? s.id : `${s.name} (${s.id})`}
          </option>
        ))}
      </Select>
    </Field>
  );
}
