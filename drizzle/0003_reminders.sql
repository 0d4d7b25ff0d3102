CREATE TABLE `group_reminder_settings` (
	`group_id` integer NOT NULL,
	`kind` text NOT NULL,
	`enabled` integer NOT NULL,
	PRIMARY KEY(`group_id`, `kind`),
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `reminder_mutes` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`muted_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sent_reminders` (
	`key` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`group_id` integer NOT NULL,
	`chat_id` integer NOT NULL,
	`claimed_at` integer NOT NULL,
	`outcome` text NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sent_reminders_by_group` ON `sent_reminders` (`group_id`,`kind`);