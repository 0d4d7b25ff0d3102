CREATE TABLE `agenda_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agenda_items_position` ON `agenda_items` (`meeting_id`,`position`);--> statement-breakpoint
CREATE TABLE `attendance` (
	`meeting_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	PRIMARY KEY(`meeting_id`, `member_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `ballots` (
	`vote_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`choice` text NOT NULL,
	`cast_at` integer NOT NULL,
	PRIMARY KEY(`vote_id`, `member_id`),
	FOREIGN KEY (`vote_id`) REFERENCES `votes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` integer NOT NULL,
	`starts_at` integer NOT NULL,
	`place` text NOT NULL,
	`announcement_id` integer,
	`created_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	`cancelled_at` integer,
	`attendance_recorded_at` integer,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meetings_by_group` ON `meetings` (`group_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `protocol_comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`protocol_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`text` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`protocol_id`) REFERENCES `protocols`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `protocol_comments_by_protocol` ON `protocol_comments` (`protocol_id`);--> statement-breakpoint
CREATE TABLE `protocol_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`protocol_id` integer NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`discussed` text NOT NULL,
	`decided` text,
	FOREIGN KEY (`protocol_id`) REFERENCES `protocols`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `protocol_items_position` ON `protocol_items` (`protocol_id`,`position`);--> statement-breakpoint
CREATE TABLE `protocols` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` integer NOT NULL,
	`meeting_id` integer NOT NULL,
	`year` integer NOT NULL,
	`number` integer NOT NULL,
	`held_on` text NOT NULL,
	`place` text NOT NULL,
	`status` text NOT NULL,
	`canonical_text` text,
	`hash` text,
	`frozen_at` integer,
	`signing_message_id` integer,
	`final_at` integer,
	`created_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `protocols_meeting_id_unique` ON `protocols` (`meeting_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `protocols_number` ON `protocols` (`group_id`,`year`,`number`);--> statement-breakpoint
CREATE TABLE `recommendations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`protocol_id` integer NOT NULL,
	`position` integer NOT NULL,
	`text` text NOT NULL,
	`addressee` text NOT NULL,
	`addressee_name` text,
	`due_on` text NOT NULL,
	FOREIGN KEY (`protocol_id`) REFERENCES `protocols`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recommendations_position` ON `recommendations` (`protocol_id`,`position`);--> statement-breakpoint
CREATE TABLE `rsvps` (
	`meeting_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`answer` text NOT NULL,
	`answered_at` integer NOT NULL,
	PRIMARY KEY(`meeting_id`, `member_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `signatures` (
	`protocol_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`role` text NOT NULL,
	`signed_at` integer,
	`hash` text,
	`dissent` text,
	PRIMARY KEY(`protocol_id`, `member_id`),
	FOREIGN KEY (`protocol_id`) REFERENCES `protocols`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `voters` (
	`vote_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	PRIMARY KEY(`vote_id`, `member_id`),
	FOREIGN KEY (`vote_id`) REFERENCES `votes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `votes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`protocol_id` integer NOT NULL,
	`opened_by` integer NOT NULL,
	`opened_at` integer NOT NULL,
	`deadline` integer NOT NULL,
	`message_id` integer,
	`closed_at` integer,
	`outcome` text,
	FOREIGN KEY (`protocol_id`) REFERENCES `protocols`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`opened_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `votes_one_open` ON `votes` (`protocol_id`) WHERE closed_at is null;--> statement-breakpoint
CREATE INDEX `votes_open_by_deadline` ON `votes` (`deadline`) WHERE closed_at is null;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_protocol_observations` (
	`protocol_id` integer NOT NULL,
	`observation_id` integer NOT NULL,
	`locked_at` integer,
	PRIMARY KEY(`protocol_id`, `observation_id`),
	FOREIGN KEY (`protocol_id`) REFERENCES `protocols`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`observation_id`) REFERENCES `observations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_protocol_observations`("protocol_id", "observation_id", "locked_at") SELECT "protocol_id", "observation_id", "locked_at" FROM `protocol_observations`;--> statement-breakpoint
DROP TABLE `protocol_observations`;--> statement-breakpoint
ALTER TABLE `__new_protocol_observations` RENAME TO `protocol_observations`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `protocol_observations_by_observation` ON `protocol_observations` (`observation_id`);