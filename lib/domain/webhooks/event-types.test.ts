import { describe, expect, it } from "vitest";
import { ORG_ACTIVITY_ACTIONS } from "@/lib/validation/activity";
import { WEBHOOK_EVENT_TYPES } from "@/lib/validation/webhooks";
import { EVENT_OF_ACTION } from "./event-types";

describe("the activity -> webhook event map", () => {
  it("maps only org actions, and every event type a person can subscribe to is sent by at least one action", () => {
    for (const action of Object.keys(EVENT_OF_ACTION)) expect(ORG_ACTIVITY_ACTIONS).toContain(action);
    const sent = new Set(Object.values(EVENT_OF_ACTION));
    expect(WEBHOOK_EVENT_TYPES.filter((type) => !sent.has(type))).toEqual([]);
    // Webhook changes themselves never become events (no loops, nothing to subscribe to).
    expect(Object.keys(EVENT_OF_ACTION).filter((a) => a.startsWith("webhook."))).toEqual([]);
  });
});
