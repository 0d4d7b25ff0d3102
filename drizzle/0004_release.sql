CREATE TABLE `assignment_attachments` (
	`assignment_id` integer NOT NULL,
	`position` integer NOT NULL,
	`photo_file_id` text,
	`observation_id` integer,
	PRIMARY KEY(`assignment_id`, `position`),
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`observation_id`) REFERENCES `observations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`task` text NOT NULL,
	`service_id` integer,
	`due_on` text NOT NULL,
	`status` text NOT NULL,
	`report` text,
	`reported_at` integer,
	`return_note` text,
	`done_at` integer,
	`given_by` integer NOT NULL,
	`given_at` integer NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`given_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assignments_by_group` ON `assignments` (`group_id`,`status`);--> statement-breakpoint
CREATE INDEX `assignments_open_by_due` ON `assignments` (`due_on`) WHERE status in ('given', 'accepted');--> statement-breakpoint
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
CREATE TABLE `info_request_files` (
	`request_id` integer NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`file_id` text NOT NULL,
	PRIMARY KEY(`request_id`, `position`),
	FOREIGN KEY (`request_id`) REFERENCES `info_requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `info_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` integer NOT NULL,
	`addressee` text NOT NULL,
	`addressee_name` text,
	`subject` text NOT NULL,
	`due_on` text NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	`answer` text,
	`answered_on` text,
	`answered_by` integer,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`answered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `info_requests_by_group` ON `info_requests` (`group_id`,`due_on`);--> statement-breakpoint
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
CREATE TABLE `pending_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`group_id` integer,
	`text` text NOT NULL,
	`reply_markup` text,
	`reason` text NOT NULL,
	`created_at` integer NOT NULL,
	`delivered_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pending_messages_waiting` ON `pending_messages` (`user_id`) WHERE delivered_at is null;--> statement-breakpoint
CREATE TABLE `published_menus` (
	`scope` text PRIMARY KEY NOT NULL,
	`chat_id` integer,
	`user_id` integer,
	`digest` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `published_menus_by_chat` ON `published_menus` (`chat_id`);--> statement-breakpoint
CREATE TABLE `term_endings` (
	`group_id` integer PRIMARY KEY NOT NULL,
	`ended_by` integer NOT NULL,
	`reason` text NOT NULL,
	`ended_at` integer NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ended_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `work_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` integer NOT NULL,
	`services` text NOT NULL,
	`focus` text NOT NULL,
	`ends_on` text NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	`approved_by` integer,
	`approved_at` integer,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `work_plans_by_group` ON `work_plans` (`group_id`,`id`);--> statement-breakpoint
DROP TABLE `processed_updates`;--> statement-breakpoint
ALTER TABLE `observations` ADD `finding_voice` text;--> statement-breakpoint
CREATE INDEX `leader_appointments_by_member` ON `leader_appointments` (`member_id`);--> statement-breakpoint
CREATE INDEX `meetings_by_start` ON `meetings` (`starts_at`);--> statement-breakpoint
CREATE INDEX `members_by_request` ON `members` (`request_id`);--> statement-breakpoint
CREATE INDEX `membership_requests_by_status` ON `membership_requests` (`group_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `protocols_by_status` ON `protocols` (`status`,`frozen_at`);