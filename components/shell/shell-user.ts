/**
 * The signed-in person as the console shell shows them. There is no sign-in yet: the layout
 * passes `null`; the session (a later issue) will fill this from the user's own row.
 */
export type ShellUser = {
  email: string;
  /** Display name, when the user has one; the email stands in for it otherwise. */
  name?: string | null;
};
