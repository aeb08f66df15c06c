"use server";
import { headers } from "next/headers";
import { clientIp } from "@/lib/auth/client-ip";
import { toActionResult } from "@/lib/actions/result";
import { signUp } from "@/lib/domain/users/sign-up";
import type { SignUpInput } from "@/lib/validation/auth";

export async function signUpAction(input: SignUpInput) {
  const ip = clientIp(await headers());
  return toActionResult(async () => {
    const user = await signUp(input, { ip });
    return { id: user.id };
  });
}
