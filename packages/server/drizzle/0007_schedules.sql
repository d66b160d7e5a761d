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
CREATE INDEX "schedule_runs_ran_at_idx" ON "schedule_runs" USING btree ("ran_at");