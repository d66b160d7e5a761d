CREATE TABLE "leases" (
	"id" text PRIMARY KEY NOT NULL,
	"model_id" text NOT NULL,
	"until" timestamp with time zone NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	"ended_by" text
);
--> statement-breakpoint
CREATE INDEX "leases_ended_at_idx" ON "leases" USING btree ("ended_at");