import { pgEnum } from 'drizzle-orm/pg-core';

/** Host roles and account roles share one set of names (PRODUCT.md "Words"). */
export const roleEnum = pgEnum('role', ['admin', 'standard', 'view']);
