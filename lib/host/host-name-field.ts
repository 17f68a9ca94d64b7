import { singleLineField } from '@/lib/auth/password-fields';

/** The host name goes into the header, page titles and email headers: one line, kept short. */
export const hostNameMaxLength = 100;

/** The host name as the set-up and the General settings forms submit it. */
export const hostNameField = singleLineField(hostNameMaxLength);
