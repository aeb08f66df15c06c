"use server";
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { clientIp } from "@/lib/auth/client-ip";
import { requireSessionUser } from "@/lib/auth/session";
import { toActionResult } from "@/lib/actions/result";
import { changePassword, deleteAccount, requestEmailChange, updateName } from "@/lib/domain/account/account-settings";
import { requestPasswordReset, resetPassword } from "@/lib/domain/account/reset-password";
import { signOutOtherSessions, signOutSession } from "@/lib/domain/account/sessions";
import { disableTwoFactor, enableTwoFactor, getTwoFactorSetup } from "@/lib/domain/account/two-factor";
import { confirmEmailLink, resendVerificationEmail } from "@/lib/domain/account/verify-email";
import QRCode from "qrcode";

export async function forgotPasswordAction(input: Record<string, string>) {
  const ip = clientIp(await headers());
  return toActionResult(() => requestPasswordReset(input, { ip }));
}

export async function resetPasswordAction(token: string, input: Record<string, string>) {
  const ip = clientIp(await headers());
  return toActionResult(() => resetPassword(token, input, { ip }));
}

export async function confirmEmailAction(token: string) {
  const ip = clientIp(await headers());
  // No revalidation here: refreshing this page would replace the confirmation with "link used".
  return toActionResult(() => confirmEmailLink(token, { ip }));
}

export async function resendVerificationAction() {
  const actor = await requireSessionUser();
  return toActionResult(() => resendVerificationEmail(actor));
}

export async function saveNameAction(input: Record<string, string>) {
  const actor = await requireSessionUser("/account");
  return toActionResult(async () => {
    const done = await updateName(actor, input);
    revalidatePath("/", "layout");
    return done;
  });
}

export async function changePasswordAction(input: Record<string, string>) {
  const actor = await requireSessionUser("/account");
  return toActionResult(async () => {
    const done = await changePassword(actor, input, { currentSessionId: actor.sessionId });
    revalidatePath("/account");
    return done;
  });
}

export async function changeEmailAction(input: Record<string, string>) {
  const actor = await requireSessionUser("/account");
  return toActionResult(() => requestEmailChange(actor, input));
}

export async function signOutSessionAction(sessionId: string) {
  const actor = await requireSessionUser("/account");
  return toActionResult(async () => {
    const done = await signOutSession(actor, { sessionId });
    revalidatePath("/account");
    return done;
  });
}

export async function signOutOtherSessionsAction() {
  const actor = await requireSessionUser("/account");
  return toActionResult(async () => {
    const done = await signOutOtherSessions(actor, { currentSessionId: actor.sessionId });
    revalidatePath("/account");
    return done;
  });
}

export async function deleteAccountAction(input: Record<string, string>) {
  const actor = await requireSessionUser("/account");
  return toActionResult(() => deleteAccount(actor, input));
}

export async function startTwoFactorSetupAction() {
  const actor = await requireSessionUser("/account");
  return toActionResult(async () => {
    const setup = await getTwoFactorSetup(actor);
    if (setup.enabled) return { enabled: true as const };
    const qr = await QRCode.toDataURL(setup.uri, { margin: 1, width: 200 });
    return { enabled: false as const, secret: setup.secret, qr };
  });
}

export async function enableTwoFactorAction(input: Record<string, string>) {
  const actor = await requireSessionUser("/account");
  return toActionResult(() => enableTwoFactor(actor, input));
}

export async function disableTwoFactorAction(input: Record<string, string>) {
  const actor = await requireSessionUser("/account");
  return toActionResult(async () => {
    const done = await disableTwoFactor(actor, input);
    revalidatePath("/", "layout");
    return done;
  });
}
