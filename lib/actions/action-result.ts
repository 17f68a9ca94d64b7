/** What every server action returns; forms render it. Messages are already translated. */
export type ActionResult<Data = undefined> =
  | { ok: true; data: Data }
  | { ok: false; fieldErrors?: Record<string, string[]>; formError?: string };

/** The signature `useActionState` calls an action with. */
export type FormAction<Data = undefined> = (
  previous: ActionResult<Data> | null,
  formData: FormData,
) => Promise<ActionResult<Data>>;
