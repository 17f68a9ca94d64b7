CREATE TABLE "smtp_oauth_tokens" (
	"source" text PRIMARY KEY NOT NULL,
	"token_encrypted" text,
	"expires_at" timestamp with time zone,
	"renew_at" timestamp with time zone,
	"fetching_until" timestamp with time zone,
	"fetched_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "smtp_settings" ADD COLUMN "sign_in" text DEFAULT 'password' NOT NULL;--> statement-breakpoint
ALTER TABLE "smtp_settings" ADD COLUMN "oauth_provider" text;--> statement-breakpoint
ALTER TABLE "smtp_settings" ADD COLUMN "oauth_tenant" text;--> statement-breakpoint
ALTER TABLE "smtp_settings" ADD COLUMN "oauth_authority" text;--> statement-breakpoint
ALTER TABLE "smtp_settings" ADD COLUMN "oauth_client_id" text;--> statement-breakpoint
ALTER TABLE "smtp_settings" ADD COLUMN "oauth_token_url" text;--> statement-breakpoint
ALTER TABLE "smtp_settings" ADD COLUMN "oauth_scope" text;--> statement-breakpoint
ALTER TABLE "smtp_settings" ADD COLUMN "oauth_secret_encrypted" text;