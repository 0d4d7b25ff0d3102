import type { GroupId } from "../../domain/types.js";
import type { Button } from "../notifier.js";

/** Opens the meeting form for the group in the leader's private chat (the deep link checks who). */
export function scheduleMeetingButton(group: GroupId): Button {
  return { label: "reminder-schedule-meeting", start: `meeting-${group}` };
}
