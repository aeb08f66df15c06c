import { eq } from "drizzle-orm";
import { db, t, type Queryable } from "@/db";
import type { OrgCreators, SignUpMode } from "@/db/schema";

export type InstanceSettingsView = {
  signUpMode: SignUpMode;
  allowedDomains: string[];
  orgCreators: OrgCreators;
  selfServicePurchase: boolean;
};

export const defaultInstanceSettings: InstanceSettingsView = {
  signUpMode: "open",
  allowedDomains: [],
  orgCreators: "anyone",
  selfServicePurchase: true,
};

/** The instance's settings (the defaults while the row does not exist). Readable by the rules. */
export async function readInstanceSettings(q: Queryable = db()): Promise<InstanceSettingsView> {
  const [row] = await q
    .select({
      signUpMode: t.instanceSettings.signUpMode,
      allowedDomains: t.instanceSettings.allowedDomains,
      orgCreators: t.instanceSettings.orgCreators,
      selfServicePurchase: t.instanceSettings.selfServicePurchase,
    })
    .from(t.instanceSettings)
    .where(eq(t.instanceSettings.id, 1))
    .limit(1);
  return row ?? defaultInstanceSettings;
}
