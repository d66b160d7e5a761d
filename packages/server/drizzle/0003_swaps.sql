CREATE TABLE "swaps" (
	"id" text PRIMARY KEY NOT NULL,
	"model_id" text NOT NULL,
	"previous_model_id" text,
	"phase" text NOT NULL,
	"status" text NOT NULL,
	"cause" text,
	"message" text,
	"progress" double precision DEFAULT 0 NOT NULL,
	"log_tail" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rollback" jsonb,
	"actor" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "swaps_started_at_idx" ON "swaps" USING btree ("started_at");