"use client";
import { Switch } from "radix-ui";

/** A labelled on/off switch with its one-line explanation (Radix Switch: role="switch"). */
export function SettingSwitch({
  id,
  label,
  help,
  checked,
  disabled,
  onCheckedChange,
}: {
  id: string;
  label: string;
  help: string;
  checked: boolean;
  disabled?: boolean;
  onCheckedChange: (checked: boolean) => void;
}) {
  return (
    <div className="flex items-start justify-between gap-6 py-3">
      <div>
        <label htmlFor={id} className="text-sm font-medium text-zinc-900">
          {label}
        </label>
        <p id={`${id}-help`} className="mt-0.5 text-sm text-zinc-600">
          {help}
        </p>
      </div>
      <div className="flex items-center gap-2">
        <span className="w-7 text-right text-xs font-medium text-zinc-700" aria-hidden>
          {checked ? "On" : "Off"}
        </span>
        <Switch.Root
          id={id}
          checked={checked}
          disabled={disabled}
          onCheckedChange={onCheckedChange}
          aria-describedby={`${id}-help`}
          className="relative inline-flex h-6 w-11 shrink-0 cursor-pointer items-center rounded-full bg-zinc-400 transition-colors outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 focus-visible:ring-offset-2 disabled:cursor-not-allowed disabled:opacity-60 data-[state=checked]:bg-indigo-600"
        >
          <Switch.Thumb className="block size-5 translate-x-0.5 rounded-full bg-white shadow transition-transform data-[state=checked]:translate-x-[22px]" />
        </Switch.Root>
      </div>
    </div>
  );
}
