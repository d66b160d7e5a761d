CREATE TABLE "schedule_runs" (
	"schedule_id" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"ran_at" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	"reason" text,
	"swap_id" text,
	CONSTRAINT "schedule_runs_schedule_id_window_start_pk" PRIMARY KEY("schedule_id","window_start")
);
--> statement-breakpoint
CREATE TABLE "schedules" (
	"id" text PRIMARY KEY NOT NULL,
	"model_id" text NOT NULL,
	"placement" text NOT NULL,
	"start" text NOT NULL,
	"end" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spark_sample_minutes" (
	"spark_id" text NOT NULL,
	"minute" timestamp with time zone NOT NULL,
	"samples" integer NOT NULL,
	"mem_used_bytes" double precision,
	"mem_total_bytes" double precision,
	"gpu_pct" double precision,
	"temperature_c" double precision,
	"disk_free_bytes" double precision,
	"disk_total_bytes" double precision,
	CONSTRAINT "spark_sample_minutes_spark_id_minute_pk" PRIMARY KEY("spark_id","minute")
);
--> statement-breakpoint
CREATE TABLE "spark_samples" (
	"id" serial PRIMARY KEY NOT NULL,
	"spark_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"mem_used_bytes" double precision,
	"mem_total_bytes" double precision,
	"gpu_pct" double precision,
	"temperature_c" double precision,
	"disk_free_bytes" double precision,
	"disk_total_bytes" double precision
);
--> statement-breakpoint
ALTER TABLE "swaps" ADD COLUMN "timings" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
CREATE INDEX "schedule_runs_ran_at_idx" ON "schedule_runs" USING btree ("ran_at");--> statement-breakpoint
CREATE INDEX "spark_samples_spark_at_idx" ON "spark_samples" USING btree ("spark_id","at");