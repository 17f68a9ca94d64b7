// The longest value each kind of field takes, in one place: the schemas refuse longer input,
// the forms' `maxLength` stops typing there, and headers are cut to the same length.

/** An email address (RFC 5321: a 256-octet path less its angle brackets). */
export const emailMaxLength = 254;

/** A server's host name, such as the SMTP server's (DNS). */
export const serverHostMaxLength = 253;

/** A name people read: the host's, an account's, the SMTP sender's display name. */
export const displayNameMaxLength = 100;
