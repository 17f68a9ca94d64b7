CREATE TYPE "public"."audit_actor_kind" AS ENUM('user', 'visitor', 'system', 'command_line');--> statement-breakpoint
CREATE TYPE "public"."audit_target_kind" AS ENUM('user', 'account', 'smtp', 'host');--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"event_type" text NOT NULL,
	"actor_kind" "audit_actor_kind" NOT NULL,
	"actor_user_id" uuid,
	"actor_email" text,
	"actor_role" text,
	"client_address" text,
	"user_agent" text,
	"target_kind" "audit_target_kind" NOT NULL,
	"target_id" text,
	"target_label" text,
	"account_id" uuid,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "audit_events_user_agent_length" CHECK (length("audit_events"."user_agent") <= 512)
);
--> statement-breakpoint
ALTER TABLE "host_settings" ADD COLUMN "audit_retention_days" integer DEFAULT 365 NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_events_log_order" ON "audit_events" USING btree ("occurred_at","id");--> statement-breakpoint
CREATE INDEX "audit_events_account_log_order" ON "audit_events" USING btree ("account_id","occurred_at","id") WHERE "audit_events"."account_id" is not null;--> statement-breakpoint
CREATE INDEX "audit_events_type_log_order" ON "audit_events" USING btree ("event_type","occurred_at","id");--> statement-breakpoint
CREATE INDEX "audit_events_target_log_order" ON "audit_events" USING btree ("target_kind","occurred_at","id");--> statement-breakpoint
CREATE INDEX "audit_events_actor_log_order" ON "audit_events" USING btree ("actor_kind","occurred_at","id");--> statement-breakpoint
CREATE INDEX "audit_events_search" ON "audit_events" USING gin (lower(coalesce("actor_email", '') || ' ' || coalesce("target_label", '')) gin_trgm_ops);--> statement-breakpoint
ALTER TABLE "host_settings" ADD CONSTRAINT "host_settings_audit_retention" CHECK ("host_settings"."audit_retention_days" between 30 and 2557);