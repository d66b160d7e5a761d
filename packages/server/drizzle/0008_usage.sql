CREATE TABLE "gateway_usage_hours" (
	"hour" timestamp with time zone NOT NULL,
	"token_id" text NOT NULL,
	"model" text NOT NULL,
	"placement" text NOT NULL,
	"status_class" text NOT NULL,
	"requests" integer NOT NULL,
	"prompt_tokens" bigint NOT NULL,
	"completion_tokens" bigint NOT NULL,
	"latency_sum_ms" bigint NOT NULL,
	"latency_max_ms" integer NOT NULL,
	CONSTRAINT "gateway_usage_hours_hour_token_id_model_placement_status_class_pk" PRIMARY KEY("hour","token_id","model","placement","status_class")
);
--> statement-breakpoint
CREATE TABLE "gateway_usage_minutes" (
	"minute" timestamp with time zone NOT NULL,
	"token_id" text NOT NULL,
	"model" text NOT NULL,
	"placement" text NOT NULL,
	"status_class" text NOT NULL,
	"requests" integer NOT NULL,
	"prompt_tokens" bigint NOT NULL,
	"completion_tokens" bigint NOT NULL,
	"latency_sum_ms" bigint NOT NULL,
	"latency_max_ms" integer NOT NULL,
	CONSTRAINT "gateway_usage_minutes_minute_token_id_model_placement_status_class_pk" PRIMARY KEY("minute","token_id","model","placement","status_class")
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "models" text[];--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "limits" jsonb DEFAULT '{}'::jsonb NOT NULL;