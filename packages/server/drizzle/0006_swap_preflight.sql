ALTER TABLE "swaps" ADD COLUMN "hint" text;--> statement-breakpoint
ALTER TABLE "swaps" ADD COLUMN "preflight" jsonb DEFAULT '[]'::jsonb NOT NULL;