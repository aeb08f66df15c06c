import type { Metadata } from "next";
import { InstanceSettingsForm } from "@/components/admin/instance-settings-form";
import { PageHeader } from "@/components/ui/card";
import { requireSessionUser } from "@/lib/auth/session";
import { requireInstanceAdmin } from "@/lib/domain/instance/instance-admin";
import { readInstanceSettings } from "@/lib/domain/instance/instance-settings";
import { asInstanceAdmin } from "../admin-data";

export const metadata: Metadata = { title: "Settings" };

// GET /admin/settings. Checked here as well as in the layout: a page renders beside its layout.
export default async function AdminSettingsPage() {
  const user = await requireSessionUser("/admin/settings");
  const settings = await asInstanceAdmin(async () => {
    await requireInstanceAdmin(user);
    return readInstanceSettings();
  });
  return (
    <>
      <PageHeader
        title="Settings"
        description="Who may join this instance, who may form organizations, and who buys seats. Every change is recorded."
      />
      <InstanceSettingsForm initial={settings} />
    </>
  );
}
