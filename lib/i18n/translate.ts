/**
 * A translator over the whole catalog with keys computed at run time (zod message keys,
 * result codes). next-intl's typed translator only takes literal keys.
 */
export type Translate = (key: string, values?: Record<string, string | number | Date>) => string;
