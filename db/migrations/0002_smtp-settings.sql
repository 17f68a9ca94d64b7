CREATE TABLE "smtp_last_test" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"ok" boolean NOT NULL,
	"recipient" text NOT NULL,
	"report" jsonb NOT NULL,
	"tested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"tested_by" uuid,
	CONSTRAINT "smtp_last_test_single_row" CHECK ("smtp_last_test"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "smtp_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"host" text NOT NULL,
	"port" integer NOT NULL,
	"sender_name" text NOT NULL,
	"sender_email" text NOT NULL,
	"ssl" boolean NOT NULL,
	"starttls" boolean NOT NULL,
	"auth" boolean NOT NULL,
	"username" text,
	"password_encrypted" text,
	"ca_pem" text,
	"enabled" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "smtp_settings_single_row" CHECK ("smtp_settings"."id" = 1),
	CONSTRAINT "smtp_settings_one_encryption" CHECK (not ("smtp_settings"."ssl" and "smtp_settings"."starttls"))
);
--> statement-breakpoint
ALTER TABLE "smtp_last_test" ADD CONSTRAINT "smtp_last_test_tested_by_users_id_fk" FOREIGN KEY ("tested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "smtp_settings" ADD CONSTRAINT "smtp_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;