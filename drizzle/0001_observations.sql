CREATE TABLE `observation_photos` (
	`observation_id` integer NOT NULL,
	`position` integer NOT NULL,
	`file_id` text NOT NULL,
	PRIMARY KEY(`observation_id`, `position`),
	FOREIGN KEY (`observation_id`) REFERENCES `observations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `observations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`service_id` integer NOT NULL,
	`observed_on` text NOT NULL,
	`quarter` text NOT NULL,
	`place` text,
	`latitude` real,
	`longitude` real,
	`quality` integer NOT NULL,
	`compliance` text NOT NULL,
	`resources` integer NOT NULL,
	`finding` text NOT NULL,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `observations_by_group_date` ON `observations` (`group_id`,`observed_on`);--> statement-breakpoint
CREATE INDEX `observations_by_group_quarter` ON `observations` (`group_id`,`quarter`);--> statement-breakpoint
CREATE INDEX `observations_by_service` ON `observations` (`service_id`);--> statement-breakpoint
CREATE TABLE `protocol_observations` (
	`protocol_id` integer NOT NULL,
	`observation_id` integer NOT NULL,
	`locked_at` integer,
	PRIMARY KEY(`protocol_id`, `observation_id`),
	FOREIGN KEY (`observation_id`) REFERENCES `observations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `protocol_observations_by_observation` ON `protocol_observations` (`observation_id`);--> statement-breakpoint
CREATE TABLE `services` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` integer NOT NULL,
	`key` text,
	`name_ky` text,
	`name_ru` text,
	`position` integer NOT NULL,
	`retired_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `services_one_key` ON `services` (`group_id`,`key`) WHERE key is not null;--> statement-breakpoint
-- Groups registered before services existed get the usual list, as new groups do at /setup.
INSERT INTO `services` (`group_id`, `key`, `position`, `created_at`)
SELECT g.`id`, s.column1, s.column2, g.`created_at`
FROM `groups` g, (VALUES ('water', 1), ('waste', 2), ('lighting', 3), ('roads', 4), ('irrigation', 5), ('school', 6), ('kindergarten', 7), ('health', 8), ('culture', 9)) s;
