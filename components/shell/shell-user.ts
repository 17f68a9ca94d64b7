/** The signed-in person as the console shell shows them (from the session, never a whole row). */
export type ShellUser = {
  email: string;
  /** Display name, when the user has one; the email stands in for it otherwise. */
  name?: string | null;
};
