import { singleLineField } from '@/lib/auth/password-fields';
import { displayNameMaxLength } from '@/lib/field-limits';

/** The host name goes into the header, page titles and email headers: one line, kept short. */

/** The host name as the set-up and the General settings forms submit it. */
export const hostNameField = singleLineField(displayNameMaxLength);
