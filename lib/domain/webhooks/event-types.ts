import type { ActivityAction } from "@/lib/validation/activity";
import type { WebhookEventType } from "@/lib/validation/webhooks";

/**
 * Which recorded activity becomes which webhook event. Every change that can interest another
 * system already records activity in its transaction, so this table is the only link between
 * the features and webhooks: a new action is wired by adding it here, not by touching its use case.
 */
export const EVENT_OF_ACTION: Partial<Record<ActivityAction, WebhookEventType>> = {
  "member.added": "member.added",
  "managed_user.created": "member.added",
  "member.onboarded": "member.added",
  "member.removed": "member.removed",
  "member.left": "member.removed",
  "member.role_changed": "member.role_changed",
  "seat.assigned": "seat.assigned",
  "seat.revoked": "seat.revoked",
  "token.issued": "token.issued",
  "token.reissued": "token.issued",
  "token.revoked": "token.revoked",
  "invitation.created": "invitation.created",
  "invitation.accepted": "invitation.accepted",
  "channel.created": "channel.created",
  "channel.updated": "channel.updated",
  "channel.deleted": "channel.deleted",
  "package.uploaded": "package.uploaded",
  "package.deleted": "package.deleted",
  "subscription.purchased": "subscription.changed",
  "subscription.seats_changed": "subscription.changed",
  "subscription.cycle_changed": "subscription.changed",
  "subscription.renewed": "subscription.changed",
  "subscription.granted": "subscription.changed",
  "subscription.changed": "subscription.changed",
};
