CREATE TABLE `published_menus` (
	`scope` text PRIMARY KEY NOT NULL,
	`chat_id` integer,
	`user_id` integer,
	`digest` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `published_menus_by_chat` ON `published_menus` (`chat_id`);