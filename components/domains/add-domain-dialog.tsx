"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { addDomainAction } from "@/lib/actions/domains";
import { addDomainSchema } from "@/lib/validation/domains";

/** Add Domain: the domain appears in the table as Pending, with the TXT record to publish. */
export function AddDomainDialog({ orgId }: { orgId: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [domain, setDomain] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    // The same schema as the server: a typo is caught before the round trip.
    const parsed = addDomainSchema.safeParse({ domain });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message);
    setBusy(true);
    const result = await addDomainAction(orgId, parsed.data.domain);
    setBusy(false);
    if (!result.ok) return setError(result.fields?.domain ?? result.error);
    toast.success(`${result.data.domain} added. Publish its TXT record, then Verify.`);
    setOpen(false);
    router.refresh();
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) {
          setDomain("");
          setError(undefined);
        }
        setOpen(next);
      }}
    >
      <DialogTrigger asChild>
        <Button>Add Domain</Button>
      </DialogTrigger>
      <DialogContent title="Add Domain" description="A domain your organization's email addresses use, such as example.com.">
        <form onSubmit={submit} noValidate className="space-y-4">
          <Field id="new-domain" label="Domain" error={error} hint="Without https:// or @. Subdomains are separate domains.">
            <Input
              value={domain}
              placeholder="example.com"
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => setDomain(e.target.value)}
              {...describedBy("new-domain", error, true)}
            />
          </Field>
          <div className="flex justify-end">
            <Button type="submit" disabled={busy}>
              {busy ? "Adding…" : "Add Domain"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
