CREATE TABLE "service_sample_minutes" (
	"service_id" text NOT NULL,
	"minute" timestamp with time zone NOT NULL,
	"samples" integer NOT NULL,
	"available" integer NOT NULL,
	"excluded" integer NOT NULL,
	"latency_sum_ms" integer NOT NULL,
	"latency_count" integer NOT NULL,
	"latency_max_ms" integer,
	CONSTRAINT "service_sample_minutes_service_id_minute_pk" PRIMARY KEY("service_id","minute")
);
--> statement-breakpoint
CREATE TABLE "service_samples" (
	"id" serial PRIMARY KEY NOT NULL,
	"service_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"latency_ms" integer
);
--> statement-breakpoint
CREATE TABLE "service_transitions" (
	"id" serial PRIMARY KEY NOT NULL,
	"service_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"detail" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX "service_samples_service_at_idx" ON "service_samples" USING btree ("service_id","at");--> statement-breakpoint
CREATE INDEX "service_transitions_service_at_idx" ON "service_transitions" USING btree ("service_id","at");