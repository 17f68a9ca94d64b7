-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "account_memberships_by_account" ON "account_memberships" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "accounts_name_search" ON "accounts" USING gin (lower("name") gin_trgm_ops);