/** Messages for the fields of a form, by field name; already translated. */
export type FieldErrors<Field extends string = string> = Partial<Record<Field, string[]>>;

/**
 * What every server action returns; forms render it. Messages are already translated.
 * `Field` names the form's fields: the action factory sets it from the schema, so a field
 * error under a name the form does not have fails to compile.
 */
export type ActionResult<Data = undefined, Field extends string = string> =
  { ok: true; data: Data } | { ok: false; fieldErrors?: FieldErrors<Field>; formError?: string };

/** The signature `useActionState` calls an action with. */
export type FormAction<Data = undefined, Field extends string = string> = (
  previous: ActionResult<Data, Field> | null,
  formData: FormData,
) => Promise<ActionResult<Data, Field>>;
