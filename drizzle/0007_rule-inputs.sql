-- The version the reminder rules compare (rule_inputs): bumped by every write to what they read.
INSERT INTO `rule_inputs` (`id`, `version`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `rule_inputs_groups_insert` AFTER INSERT ON `groups` BEGIN UPDATE `rule_inputs` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `rule_inputs_groups_update` AFTER UPDATE ON `groups` BEGIN UPDATE `rule_inputs` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `rule_inputs_groups_delete` AFTER DELETE ON `groups` BEGIN UPDATE `rule_inputs` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `rule_inputs_members_insert` AFTER INSERT ON `members` BEGIN UPDATE `rule_inputs` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `rule_inputs_members_update` AFTER UPDATE ON `members` BEGIN UPDATE `rule_inputs` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `rule_inputs_members_delete` AFTER DELETE ON `members` BEGIN UPDATE `rule_inputs` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `rule_inputs_leader_appointments_insert` AFTER INSERT ON `leader_appointments` BEGIN UPDATE `rule_inputs` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `rule_inputs_leader_appointments_update` AFTER UPDATE ON `leader_appointments` BEGIN UPDATE `rule_inputs` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `rule_inputs_leader_appointments_delete` AFTER DELETE ON `leader_appointments` BEGIN UPDATE `rule_inputs` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `rule_inputs_meetings_insert` AFTER INSERT ON `meetings` BEGIN UPDATE `rule_inputs` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `rule_inputs_meetings_update` AFTER UPDATE ON `meetings` BEGIN UPDATE `rule_inputs` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `rule_inputs_meetings_delete` AFTER DELETE ON `meetings` BEGIN UPDATE `rule_inputs` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `rule_inputs_protocols_insert` AFTER INSERT ON `protocols` BEGIN UPDATE `rule_inputs` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `rule_inputs_protocols_update` AFTER UPDATE ON `protocols` BEGIN UPDATE `rule_inputs` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `rule_inputs_protocols_delete` AFTER DELETE ON `protocols` BEGIN UPDATE `rule_inputs` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `rule_inputs_signatures_insert` AFTER INSERT ON `signatures` BEGIN UPDATE `rule_inputs` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `rule_inputs_signatures_update` AFTER UPDATE ON `signatures` BEGIN UPDATE `rule_inputs` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `rule_inputs_signatures_delete` AFTER DELETE ON `signatures` BEGIN UPDATE `rule_inputs` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `rule_inputs_sent_reminders_insert` AFTER INSERT ON `sent_reminders` BEGIN UPDATE `rule_inputs` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `rule_inputs_sent_reminders_update` AFTER UPDATE ON `sent_reminders` BEGIN UPDATE `rule_inputs` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `rule_inputs_sent_reminders_delete` AFTER DELETE ON `sent_reminders` BEGIN UPDATE `rule_inputs` SET `version` = `version` + 1 WHERE `id` = 1; END;
