"use server";
import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { clientIp } from "@/lib/auth/client-ip";
import { requireSessionUser } from "@/lib/auth/session";
import { SSO_LOGIN_COOKIE } from "@/lib/auth/sso-cookies";
import { toActionResult } from "@/lib/actions/result";
import { config } from "@/lib/config";
import { deleteSsoConnection, saveSsoConnection } from "@/lib/domain/sso/save-sso-connection";
import { startSsoSignIn } from "@/lib/domain/sso/start-sso-sign-in";
import { checkSsoConnection } from "@/lib/domain/sso/check-sso-connection";
import { SSO_LOGIN_TTL_MS } from "@/lib/domain/sso/sso-secrets";
import type { SaveSsoConnectionInput, StartSsoInput } from "@/lib/validation/sso";

/** Org Profile -> Single Sign-On: Save (the secret only when typed). */
export async function saveSsoConnectionAction(orgId: string, input: SaveSsoConnectionInput) {
  const actor = await requireSessionUser();
  return toActionResult(async () => {
    const saved = await saveSsoConnection(actor, orgId, input);
    revalidatePath(`/organizations/${orgId}/profile`);
    return saved;
  });
}

/** Test Connection: discovery of the issuer in the form; changes nothing. */
export async function testSsoConnectionAction(orgId: string, input: { issuer: string }) {
  const actor = await requireSessionUser();
  return toActionResult(() => checkSsoConnection(actor, orgId, input));
}

export async function deleteSsoConnectionAction(orgId: string) {
  const actor = await requireSessionUser();
  return toActionResult(async () => {
    const done = await deleteSsoConnection(actor, orgId);
    revalidatePath(`/organizations/${orgId}/profile`);
    return done;
  });
}

/**
 * Sign in with SSO: the email's domain picks the org and its IdP. The sign-in's key goes into an
 * httpOnly cookie only the callback reads; the page then sends the browser to the IdP.
 */
export async function startSsoAction(input: StartSsoInput) {
  const ip = clientIp(await headers());
  return toActionResult(async () => {
    const { key, redirectUrl } = await startSsoSignIn(input, { ip, returnTo: input.callbackUrl ?? null });
    (await cookies()).set(SSO_LOGIN_COOKIE, key, {
      httpOnly: true,
      sameSite: "lax",
      secure: config().appUrl.startsWith("https://"),
      path: "/api/auth/sso/callback",
      maxAge: SSO_LOGIN_TTL_MS / 1000,
    });
    return { redirectUrl };
  });
}
