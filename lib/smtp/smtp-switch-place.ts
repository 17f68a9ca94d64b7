/** Where the SMTP switch was used (the dashboard's card or the SMTP page), for the audit log. */
export const smtpSwitchPlaces = ['dashboard', 'smtpPage'] as const;
export type SmtpSwitchPlace = (typeof smtpSwitchPlaces)[number];
