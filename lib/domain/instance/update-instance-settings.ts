import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { instanceSettingsSchema, type InstanceSettingsInput } from "@/lib/validation/instance";
import { parseInput } from "@/lib/validation/parse";
import { recordActivity } from "../activity/record-activity";
import { requireInstanceAdmin } from "./instance-admin";
import { readInstanceSettings, type InstanceSettingsView } from "./instance-settings";

/** Saves Sign-up, Who can create organizations and Self-service purchase; records what changed. */
export async function updateInstanceSettings(actor: Actor, input: InstanceSettingsInput) {
  const next = parseInput(instanceSettingsSchema, input);
  return db().transaction(async (tx) => {
    const admin = await requireInstanceAdmin(actor, tx);
    const before = await readInstanceSettings(tx);
    // A domain list only matters in "Allowed domains"; kept as entered so switching back restores it.
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of Object.keys(next) as Array<keyof InstanceSettingsView>) {
      if (JSON.stringify(before[key]) !== JSON.stringify(next[key])) changes[key] = { from: before[key], to: next[key] };
    }
    if (Object.keys(changes).length === 0) return { settings: before, changed: false };
    await tx
      .insert(t.instanceSettings)
      .values({ id: 1, ...next, updatedAt: new Date() })
      .onConflictDoUpdate({ target: t.instanceSettings.id, set: { ...next, updatedAt: new Date() } });
    await recordActivity(tx, admin, {
      action: "instance.settings_changed",
      target: { type: "instance", id: "settings", label: "Instance settings" },
      metadata: { changes },
    });
    return { settings: next, changed: true };
  });
}
