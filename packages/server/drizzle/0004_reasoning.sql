CREATE TABLE "reasoning_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"task" text NOT NULL,
	"tier" text,
	"model" text,
	"outcome" text NOT NULL,
	"finish_reason" text,
	"reasked" boolean DEFAULT false NOT NULL,
	"latency_ms" integer NOT NULL,
	"attempts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text
);
--> statement-breakpoint
CREATE INDEX "reasoning_runs_at_idx" ON "reasoning_runs" USING btree ("at");--> statement-breakpoint
CREATE INDEX "reasoning_runs_task_model_idx" ON "reasoning_runs" USING btree ("task","model");