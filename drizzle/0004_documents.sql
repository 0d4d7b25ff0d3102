CREATE TABLE `documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`subject_id` integer NOT NULL,
	`variant` text DEFAULT '' NOT NULL,
	`locale` text NOT NULL,
	`sha256` text NOT NULL,
	`file_id` text,
	`file_unique_id` text,
	`renderer_version` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `documents_one_per_subject` ON `documents` (`kind`,`subject_id`,`variant`,`locale`,`renderer_version`);--> statement-breakpoint
CREATE INDEX `documents_by_hash` ON `documents` (`sha256`);--> statement-breakpoint
CREATE INDEX `documents_by_file` ON `documents` (`file_unique_id`);--> statement-breakpoint
ALTER TABLE `groups` ADD `municipality_ru` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `groups` ADD `area_ky` text;--> statement-breakpoint
ALTER TABLE `groups` ADD `area_ru` text;