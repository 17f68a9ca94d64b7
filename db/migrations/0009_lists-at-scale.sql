ALTER TABLE "host_settings" ADD COLUMN "email_retention_days" integer DEFAULT 90 NOT NULL;--> statement-breakpoint
CREATE INDEX "users_email_search" ON "users" USING gin ("email" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "outbox_log_order" ON "outbox" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "outbox_status_log_order" ON "outbox" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "outbox_kind_log_order" ON "outbox" USING btree ("kind","created_at","id");--> statement-breakpoint
CREATE INDEX "outbox_recipient_search" ON "outbox" USING gin (lower("recipient") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "invitations_expires_at" ON "invitations" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "password_resets_expires_at" ON "password_resets" USING btree ("expires_at");--> statement-breakpoint
ALTER TABLE "host_settings" ADD CONSTRAINT "host_settings_email_retention" CHECK ("host_settings"."email_retention_days" between 1 and 3650);