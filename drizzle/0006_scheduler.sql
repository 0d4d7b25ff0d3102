CREATE TABLE `rule_inputs` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sent_reminders_sending` ON `sent_reminders` (`claimed_at`) WHERE outcome = 'sending';