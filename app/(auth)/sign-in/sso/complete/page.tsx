import type { Metadata } from "next";
import { safeReturnPath } from "../../../safe-return";
import { FinishSsoSignIn } from "./finish-sso-sign-in";

export const metadata: Metadata = { title: "Signing in" };

// The callback set a single-use login ticket in a cookie only next-auth's "sso" provider receives;
// this page asks next-auth to redeem it, which writes the session cookie.
export default async function CompleteSsoPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  return <FinishSsoSignIn returnTo={safeReturnPath(params.callbackUrl)} />;
}
