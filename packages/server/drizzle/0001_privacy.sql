CREATE TABLE "redaction_vault" (
	"session_id" text PRIMARY KEY NOT NULL,
	"nonce" text NOT NULL,
	"iv" text NOT NULL,
	"ciphertext" text NOT NULL,
	"auth_tag" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "redaction_vault_expires_at_idx" ON "redaction_vault" USING btree ("expires_at");