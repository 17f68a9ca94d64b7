/** A link just made, for the dialog: Copy, its expiry, and the email's id when one was queued. */
export interface IssuedLink {
  link: string;
  expiresAt: Date;
  emailId: string | null;
}
