CREATE TABLE `drafts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`step` text NOT NULL,
	`answers` text NOT NULL,
	`status` text NOT NULL,
	`last_update` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `drafts_one_per_user` ON `drafts` (`user_id`) WHERE status != 'closed';--> statement-breakpoint
CREATE INDEX `drafts_by_user` ON `drafts` (`user_id`,`last_update`);--> statement-breakpoint
CREATE INDEX `drafts_by_time` ON `drafts` (`updated_at`);--> statement-breakpoint
CREATE TABLE `inbox` (
	`update_id` integer PRIMARY KEY NOT NULL,
	`update` text NOT NULL,
	`received_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`done_at` integer
);
--> statement-breakpoint
CREATE INDEX `inbox_pending` ON `inbox` (`update_id`) WHERE done_at is null;--> statement-breakpoint
CREATE TABLE `inbox_effects` (
	`update_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`result` text NOT NULL,
	PRIMARY KEY(`update_id`, `seq`)
);
--> statement-breakpoint
CREATE TABLE `inbox_floor` (
	`id` integer PRIMARY KEY NOT NULL,
	`below` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text,
	`chat_id` integer NOT NULL,
	`method` text NOT NULL,
	`payload` text NOT NULL,
	`file` blob,
	`state` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`not_before` integer NOT NULL,
	`created_at` integer NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_key_unique` ON `outbox` (`key`);--> statement-breakpoint
CREATE INDEX `outbox_waiting` ON `outbox` (`id`) WHERE state in ('pending', 'sending');--> statement-breakpoint
CREATE TABLE `published_menus` (
	`scope` text PRIMARY KEY NOT NULL,
	`chat_id` integer,
	`user_id` integer,
	`digest` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `published_menus_by_chat` ON `published_menus` (`chat_id`);--> statement-breakpoint
DROP TABLE `processed_updates`;--> statement-breakpoint
ALTER TABLE `observations` ADD `finding_voice` text;--> statement-breakpoint
CREATE INDEX `leader_appointments_by_member` ON `leader_appointments` (`member_id`);--> statement-breakpoint
CREATE INDEX `members_by_request` ON `members` (`request_id`);--> statement-breakpoint
CREATE INDEX `membership_requests_by_status` ON `membership_requests` (`group_id`,`status`,`created_at`);