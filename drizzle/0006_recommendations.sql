CREATE TABLE `recommendation_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`recommendation_id` integer NOT NULL,
	`from_status` text NOT NULL,
	`to_status` text NOT NULL,
	`note` text,
	`by` integer NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`recommendation_id`) REFERENCES `recommendations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `recommendation_events_by_recommendation` ON `recommendation_events` (`recommendation_id`);--> statement-breakpoint
ALTER TABLE `recommendations` ADD `status` text DEFAULT 'sent' NOT NULL;--> statement-breakpoint
CREATE INDEX `recommendations_open_by_due` ON `recommendations` (`due_on`) WHERE status in ('sent', 'accepted', 'in-progress');