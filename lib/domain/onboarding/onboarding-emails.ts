import AddedToOrganizationEmail, { addedToOrganizationSubject } from "@/emails/added-to-organization";
import TokenIssuedEmail, { tokenIssuedSubject } from "@/emails/token-issued";
import { appUrl } from "@/lib/config";
import { renderEmail, type RenderedEmail } from "@/lib/email/render";
import { tokenCommands } from "@/lib/domain/tokens/member/commands";
import { formatExpiry } from "@/lib/domain/tokens/member/token-rules";

// Rendering a template costs milliseconds; onboarding a thousand people would spend seconds
// on it. Each template is rendered once with placeholders, then filled in per person. The
// values substituted (tokens, links of base64url characters) need no HTML escaping.
const TOKEN = "ONBOARDINGTOKENPLACEHOLDER";
const LINK = "https://onboarding-link.placeholder/";

/** setupLink: null for an existing account (verified domain), which signs in as it always did. */
export type OnboardingMail = { to: string; token: string; setupLink: string | null };

export async function prepareOnboardingEmails(org: { name: string; slug: string }, expiresAt: Date) {
  const commands = tokenCommands(appUrl(), TOKEN);
  const orgLink = `${appUrl()}/organizations/${org.slug}`;
  const [welcome, welcomeBack, token] = await Promise.all([
    renderEmail(
      "added-to-organization",
      addedToOrganizationSubject(org.name),
      AddedToOrganizationEmail({ orgName: org.name, link: LINK, needsPassword: true }),
    ),
    renderEmail(
      "added-to-organization",
      addedToOrganizationSubject(org.name),
      AddedToOrganizationEmail({ orgName: org.name, link: orgLink, needsPassword: false }),
    ),
    renderEmail(
      "token-issued",
      tokenIssuedSubject(org.name, false),
      TokenIssuedEmail({
        orgName: org.name,
        token: TOKEN,
        reissued: false,
        expiresAt: formatExpiry(expiresAt),
        condaCommand: commands.condaCommand,
        curlCommand: commands.curlCommand,
        tokenAccessUrl: `${appUrl()}/organizations/${org.slug}/token-access`,
      }),
    ),
  ]);
  const fill = (m: RenderedEmail, from: string, to: string) => ({
    ...m,
    html: m.html.split(from).join(to),
    text: m.text.split(from).join(to),
  });
  return (people: OnboardingMail[]) =>
    people.flatMap((p) => [
      p.setupLink ? { ...fill(welcome, LINK, p.setupLink), to: p.to } : { ...welcomeBack, to: p.to },
      { ...fill(token, TOKEN, p.token), to: p.to },
    ]);
}
