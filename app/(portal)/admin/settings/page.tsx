import type { Metadata } from "next";
import { InstanceSettingsForm } from "@/components/admin/instance-settings-form";
import { PageHeader } from "@/components/ui/card";
import { readInstanceSettings } from "@/lib/domain/instance/instance-settings";

export const metadata: Metadata = { title: "Settings" };

// GET /admin/settings (the layout has already checked that the caller is an instance admin).
export default async function AdminSettingsPage() {
  const settings = await readInstanceSettings();
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
