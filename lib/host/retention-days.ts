import { z } from 'zod';

/** A log's retention bounds, in days (the database checks the same). */
export interface RetentionLimits {
  minDays: number;
  maxDays: number;
}

/** The form of a retention: a whole number of days within `limits`, refused with `message`. */
export function retentionDaysSchema(limits: RetentionLimits, message: string) {
  return z.object({
    days: z.coerce
      .number(message)
      .int(message)
      .min(limits.minDays, message)
      .max(limits.maxDays, message),
  });
}
