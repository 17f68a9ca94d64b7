import en from '@/messages/en.json';

type Validation = (typeof en)['validation'];

/** A message under `validation.` in the catalogs: what schemas give as their zod messages. */
export type ValidationKey = {
  [Key in keyof Validation]: Validation[Key] extends string ? Key : never;
}[keyof Validation];

/** Whether `value` names a validation message (a zod message from our own schemas does). */
export function isValidationKey(value: string): value is ValidationKey {
  return Object.hasOwn(en.validation, value) && typeof en.validation[value as never] === 'string';
}
