import { TextField } from '@/components/ui/text-field';
import type { FieldErrors } from '@/lib/actions/action-result';

/** A new password and its confirmation, as every form that sets one asks for them. */
export function NewPasswordFields(props: {
  labels: { password: string; confirm: string; hint: string };
  errors?: FieldErrors;
}) {
  return (
    <>
      <TextField
        label={props.labels.password}
        name="password"
        type="password"
        hint={props.labels.hint}
        errors={props.errors?.password}
        required
        minLength={12}
        autoComplete="new-password"
      />
      <TextField
        label={props.labels.confirm}
        name="confirmPassword"
        type="password"
        errors={props.errors?.confirmPassword}
        required
        autoComplete="new-password"
      />
    </>
  );
}
