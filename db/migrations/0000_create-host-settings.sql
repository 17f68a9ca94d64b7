CREATE TABLE "host_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"host_name" text DEFAULT 'Gatehouse' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "host_settings_single_row" CHECK ("host_settings"."id" = 1)
);
--> statement-breakpoint
INSERT INTO "host_settings" ("id") VALUES (1) ON CONFLICT DO NOTHING;
