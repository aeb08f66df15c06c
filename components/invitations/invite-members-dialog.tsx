"use client";
import { useQueryClient } from "@tanstack/react-query";
import { UserPlus } from "lucide-react";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { inviteMembersAction } from "@/lib/actions/invitations";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import type { InviteOptions, InviteReport } from "@/lib/validation/invitations";
import { CsvFileField } from "./csv-file-field";
import { addChips, EmailChips, type Chip } from "./email-chips";
import { InviteOptionsFields } from "./invite-options";
import { InviteReportView } from "./invite-report";
import { uploadCsv, type UploadPhase } from "./upload-csv";

export function InviteMembersDialog({ orgId, canInviteAdmin }: { orgId: string; canInviteAdmin: boolean }) {
  const [open, setOpen] = useState(false);
  const [report, setReport] = useState<InviteReport | null>(null);
  const queryClient = useQueryClient();

  const close = () => {
    setOpen(false);
    setReport(null);
  };

  const onResult = (result: InviteReport) => {
    setReport(result);
    void queryClient.invalidateQueries({ queryKey: ["invitations", orgId] });
    void queryClient.invalidateQueries({ queryKey: ["members", orgId] });
    const { invited, already_invited, already_member, no_seat_available, invalid } = result.counts;
    const parts = [
      `${invited} invited`,
      already_invited && `${already_invited} resent`,
      already_member && `${already_member} already members`,
      no_seat_available && `${no_seat_available} not invited: no seat available`,
      invalid && `${invalid} invalid`,
    ];
    toast.success(`Invitations: ${parts.filter(Boolean).join(", ")}.`);
  };

  return (
    <Dialog open={open} onOpenChange={(next) => (next ? setOpen(true) : close())}>
      <DialogTrigger asChild>
        <Button>
          <UserPlus className="size-4" aria-hidden /> Invite Members
        </Button>
      </DialogTrigger>
      <DialogContent
        title={report ? "Invitations sent" : "Invite Members"}
        description={report ? "What happened to each address." : "Each person gets an email with a link that is valid for 7 days."}
      >
        {open &&
          (report ? (
            <InviteReportView report={report} onDone={close} onInviteMore={() => setReport(null)} />
          ) : (
            <InviteForm orgId={orgId} onResult={onResult} canInviteAdmin={canInviteAdmin} />
          ))}
      </DialogContent>
    </Dialog>
  );
}

function InviteForm({ orgId, onResult, canInviteAdmin }: { orgId: string; onResult: (r: InviteReport) => void; canInviteAdmin: boolean }) {
  const [tab, setTab] = useState<"emails" | "csv">("emails");
  const [options, setOptions] = useState<InviteOptions>({ role: "member", assignSeat: false });
  const [chips, setChips] = useState<Chip[]>([]);
  const [text, setText] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<UploadPhase | null>(null);
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    setFieldError(undefined);
    if (tab === "emails") {
      const all = text.trim() ? addChips(chips, text).chips : chips;
      setChips(all);
      setText("");
      if (all.length === 0) return setFieldError("Add at least one email address.");
      setBusy(true);
      const result = await inviteMembersAction(orgId, { emails: all.map((c) => c.value), ...options }).finally(() => setBusy(false));
      if (!result.ok) return setFormError(result.fields?.emails ?? result.error);
      onResult(result.data);
    } else {
      if (!file) return setFieldError("Choose a .csv file.");
      setBusy(true);
      const result = await uploadCsv(orgId, file, options, setPhase).finally(() => {
        setBusy(false);
        setPhase(null);
      });
      if (!result.ok) return setFormError(result.error);
      onResult(result.report);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <FormError message={formError} />
      <Tabs
        value={tab}
        onValueChange={(v) => {
          setTab(v as "emails" | "csv");
          setFieldError(undefined);
          setFormError(null);
        }}
      >
        <TabsList aria-label="How to add people">
          <TabsTrigger value="emails">Enter Emails</TabsTrigger>
          <TabsTrigger value="csv">Bulk Upload</TabsTrigger>
        </TabsList>
        <TabsContent value="emails" className="pt-4">
          <EmailChips
            chips={chips}
            onChange={setChips}
            text={text}
            onTextChange={setText}
            error={tab === "emails" ? fieldError : undefined}
          />
        </TabsContent>
        <TabsContent value="csv" className="pt-4">
          <CsvFileField file={file} onFile={setFile} phase={phase} error={tab === "csv" ? fieldError : undefined} />
        </TabsContent>
      </Tabs>
      <InviteOptionsFields value={options} onChange={setOptions} canInviteAdmin={canInviteAdmin} csv={tab === "csv"} />
      <div className="flex justify-end gap-2 pt-2">
        <Button type="submit" disabled={busy}>
          {busy ? "Inviting…" : "Invite Members"}
        </Button>
      </div>
    </form>
  );
}
