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
ALTER TABLE `observations` ADD `finding_voice` text;--> statement-breakpoint
CREATE INDEX `leader_appointments_by_member` ON `leader_appointments` (`member_id`);--> statement-breakpoint
CREATE INDEX `meetings_by_start` ON `meetings` (`starts_at`);--> statement-breakpoint
CREATE INDEX `members_by_request` ON `members` (`request_id`);--> statement-breakpoint
CREATE INDEX `membership_requests_by_status` ON `membership_requests` (`group_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `protocols_by_status` ON `protocols` (`status`,`frozen_at`);