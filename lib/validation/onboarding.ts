import { z } from "zod";

export const MAX_ONBOARDING_EMAILS = 10_000;

/**
 * `user_emails` as a JSON array, or as the string form some clients send:
 * "[a@example.com, <b@example.com>]". Entries are validated one by one later, so one bad address
 * is reported, not fatal.
 */
export const onboardingSchema = z
  .object({
    user_emails: z.union(
      [
        z.array(z.string().max(320)).max(MAX_ONBOARDING_EMAILS, `Send at most ${MAX_ONBOARDING_EMAILS} addresses per call.`),
        z
          .string()
          .max(MAX_ONBOARDING_EMAILS * 320)
          .transform((s) =>
            s
              .replace(/^\s*\[|\]\s*$/g, "")
              .split(/[,;\s]+/)
              .map((e) => e.replace(/^["'<]+|[>"']+$/g, ""))
              .filter(Boolean),
          )
          .pipe(z.array(z.string()).max(MAX_ONBOARDING_EMAILS, `Send at most ${MAX_ONBOARDING_EMAILS} addresses per call.`)),
      ],
      { error: "Send user_emails as a list of email addresses." },
    ),
  })
  .meta({ id: "OnboardingRequest" });

export const onboardingResultSchema = z
  .object({
    users_in_onboarding_process: z.array(z.string()),
    users_unavailable_for_onboarding: z.array(z.string()),
    total_organization_seats: z.number().int(),
    available_organization_seats: z.number().int(),
  })
  .meta({ id: "OnboardingResult" });
