CREATE TABLE "smtp_server_certificate" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"host" text NOT NULL,
	"port" integer NOT NULL,
	"subject" text NOT NULL,
	"valid_to" timestamp with time zone NOT NULL,
	"fingerprint256" text NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "smtp_server_certificate_single_row" CHECK ("smtp_server_certificate"."id" = 1)
);
