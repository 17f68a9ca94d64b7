CREATE TYPE "public"."sign_in_step" AS ENUM('verify', 'set_up');--> statement-breakpoint
CREATE TYPE "public"."two_factor_method" AS ENUM('email', 'totp');--> statement-breakpoint
CREATE TYPE "public"."two_factor_policy" AS ENUM('off', 'optional', 'required_for_host_admins', 'required_for_everyone');--> statement-breakpoint
CREATE TABLE "recovery_codes" (
	"user_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recovery_codes_user_id_code_hash_pk" PRIMARY KEY("user_id","code_hash")
);
--> statement-breakpoint
CREATE TABLE "sign_in_challenges" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"step" "sign_in_step" NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"email_code_hash" text,
	"replaced_email_code_hash" text,
	"email_code_expires_at" timestamp with time zone,
	"email_code_sent_at" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "two_factor_methods" (
	"user_id" uuid NOT NULL,
	"method" "two_factor_method" NOT NULL,
	"sealed_secret" text,
	"last_used_step" bigint,
	"setup_code_hash" text,
	"setup_code_expires_at" timestamp with time zone,
	"setup_code_sent_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "two_factor_methods_user_id_method_pk" PRIMARY KEY("user_id","method"),
	CONSTRAINT "two_factor_methods_totp_secret" CHECK ("two_factor_methods"."method" <> 'totp' or "two_factor_methods"."sealed_secret" is not null)
);
--> statement-breakpoint
ALTER TABLE "host_settings" ADD COLUMN "two_factor_policy" "two_factor_policy" DEFAULT 'off' NOT NULL;--> statement-breakpoint
ALTER TABLE "recovery_codes" ADD CONSTRAINT "recovery_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_in_challenges" ADD CONSTRAINT "sign_in_challenges_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "two_factor_methods" ADD CONSTRAINT "two_factor_methods_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sign_in_challenges_user_id" ON "sign_in_challenges" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sign_in_challenges_expires_at" ON "sign_in_challenges" USING btree ("expires_at");