"use server";
import { headers } from "next/headers";
import { clientIp } from "@/lib/auth/client-ip";
import { toActionResult } from "@/lib/actions/result";
import { setInitialPassword } from "@/lib/domain/users/set-initial-password";

export async function setPasswordAction(token: string, input: { password: string }) {
  const ip = clientIp(await headers());
  return toActionResult(() => setInitialPassword(token, input, { ip }));
}
