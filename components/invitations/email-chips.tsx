"use client";
import { X } from "lucide-react";
import { useRef, useState, type ClipboardEvent, type KeyboardEvent } from "react";
import { cn } from "@/components/ui/cn";
import { checkInviteEmail, type EmailCheck } from "@/lib/validation/invitations";

export type Chip = { key: string; value: string; check: EmailCheck };

const SEPARATORS = /[\s,;]+/;

/** Turns typed or pasted text into chips, leaving out addresses already in the list. */
export function addChips(chips: Chip[], text: string): { chips: Chip[]; skipped: string[] } {
  const next = [...chips];
  const skipped: string[] = [];
  for (const raw of text.split(SEPARATORS)) {
    if (!raw) continue;
    const check = checkInviteEmail(raw);
    const key = check.ok ? check.email : raw.toLowerCase();
    if (next.some((c) => c.key === key)) skipped.push(raw);
    else next.push({ key, value: check.ok ? check.email : raw, check });
  }
  return { chips: next, skipped };
}

/**
 * An address field that makes chips: Enter, Tab or comma turns the text into a chip, a pasted
 * list splits into chips, Backspace in the empty field removes the last one. Invalid addresses
 * stay visible as red chips with the reason, so nothing typed silently disappears.
 */
export function EmailChips({
  chips,
  onChange,
  text,
  onTextChange,
  error,
}: {
  chips: Chip[];
  onChange: (chips: Chip[]) => void;
  text: string;
  onTextChange: (text: string) => void;
  error?: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [notice, setNotice] = useState("");

  const commit = (value: string) => {
    const result = addChips(chips, value);
    onChange(result.chips);
    onTextChange("");
    setNotice(result.skipped.length ? `Already in the list: ${result.skipped.join(", ")}` : "");
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if ((e.key === "Enter" || e.key === "," || e.key === ";" || e.key === "Tab") && text.trim()) {
      e.preventDefault();
      commit(text);
    } else if (e.key === "Enter") {
      // An empty field: Enter submits the form as usual.
    } else if (e.key === "Backspace" && !text && chips.length > 0) {
      e.preventDefault();
      const removed = chips[chips.length - 1];
      onChange(chips.slice(0, -1));
      setNotice(`Removed ${removed.value}`);
    }
  };

  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    const pasted = e.clipboardData.getData("text");
    if (!SEPARATORS.test(pasted.trim())) return;
    e.preventDefault();
    commit(`${text} ${pasted}`);
  };

  const remove = (key: string) => {
    const chip = chips.find((c) => c.key === key);
    onChange(chips.filter((c) => c.key !== key));
    setNotice(chip ? `Removed ${chip.value}` : "");
    input.current?.focus();
  };

  const invalid = chips.filter((c) => !c.check.ok).length;
  return (
    <div className="space-y-1.5">
      <label htmlFor="invite-emails" className="block text-sm font-medium text-zinc-800">
        Email addresses
      </label>
      <div
        className={cn(
          "flex max-h-56 min-h-20 flex-wrap content-start gap-1.5 overflow-y-auto rounded-md bg-white p-2 ring-1 ring-zinc-300 ring-inset",
          "focus-within:ring-2 focus-within:ring-indigo-600",
          error && "ring-red-500",
        )}
        onClick={() => input.current?.focus()}
      >
        {chips.length > 0 && (
          <ul aria-label="Addresses to invite" className="contents">
            {chips.map((chip) => (
              <li
                key={chip.key}
                className={cn(
                  "inline-flex max-w-full items-center gap-1 rounded-full py-0.5 pr-1 pl-2.5 text-sm",
                  chip.check.ok ? "bg-indigo-50 text-indigo-900 ring-1 ring-indigo-200" : "bg-red-50 text-red-900 ring-1 ring-red-300",
                )}
                data-invalid={chip.check.ok ? undefined : "true"}
              >
                <span className="truncate">{chip.value}</span>
                {!chip.check.ok && <span className="text-xs font-medium text-red-800">— {chip.check.reason}</span>}
                <button
                  type="button"
                  onClick={() => remove(chip.key)}
                  aria-label={`Remove ${chip.value}`}
                  className="rounded-full p-0.5 hover:bg-black/10 focus-visible:outline-2 focus-visible:outline-indigo-600"
                >
                  <X className="size-3.5" aria-hidden />
                </button>
              </li>
            ))}
          </ul>
        )}
        <input
          ref={input}
          id="invite-emails"
          type="text"
          inputMode="email"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          value={text}
          onChange={(e) => onTextChange(e.target.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onBlur={() => text.trim() && commit(text)}
          placeholder={chips.length ? "" : "name@example.com"}
          aria-describedby="invite-emails-hint"
          aria-invalid={error ? true : undefined}
          className="min-w-40 flex-1 border-0 bg-transparent px-1 py-0.5 text-sm text-zinc-900 placeholder:text-zinc-500 focus:outline-none"
        />
      </div>
      <p id="invite-emails-hint" className={cn("text-xs", error ? "font-medium text-red-700" : "text-zinc-600")}>
        {error ?? "Press Enter, Tab or comma after each address, or paste a list."}
        {!error &&
          chips.length > 0 &&
          ` ${chips.length - invalid} valid${invalid ? `, ${invalid} invalid (they will be reported, not invited)` : ""}.`}
      </p>
      <p role="status" className="sr-only">
        {notice}
      </p>
    </div>
  );
}
