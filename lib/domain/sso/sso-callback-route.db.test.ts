import { eq } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GET as callback, POST as callbackPost } from "@/app/api/auth/sso/callback/route";
import { db, t } from "@/db";
import { authOptions } from "@/lib/auth/options";
import { SSO_LOGIN_COOKIE, SSO_TICKET_COOKIE } from "@/lib/auth/sso-cookies";
import { useTestDatabase } from "@/test/db";
import { followToRedirectUri, useTestIdp } from "@/test/oidc-idp";
import { ssoRedirectUri } from "./oidc";
import { SSO_FAILURES } from "./sso-failures";
import { startSsoSignIn } from "./start-sso-sign-in";
import { createSsoOrg } from "./test-support";

// The callback route and the "sso" credentials provider as the browser meets them: cookies in,
// a redirect and cookies out. The checks themselves are in sso.db.test.ts.
useTestDatabase();

const testIdp = useTestIdp(ssoRedirectUri);

const ssoDomain = () => createSsoOrg(testIdp(), { name: "Route" });

const call = (search: string, cookie?: string) =>
  callback(new Request(`http://internal:3000/api/auth/sso/callback${search}`, { headers: cookie ? { cookie } : {} }));

const cookiesOf = (res: Response) => res.headers.getSetCookie();

/** The "sso" provider's authorize, as next-auth calls it with the request's headers. */
async function authorizeSso(cookie: string) {
  // next-auth merges a provider's options (its id among them) when it starts; here they are still apart.
  type Credentials = { options: { id?: string; authorize: (c: unknown, req: { headers: Record<string, string> }) => Promise<unknown> } };
  const provider = (authOptions.providers as unknown as Credentials[]).find((p) => p.options?.id === "sso")!;
  return provider.options.authorize({}, { headers: { cookie, "user-agent": "vitest" } });
}

describe("GET /api/auth/sso/callback", () => {
  it("sends the browser on with a ticket cookie for next-auth only, spends the sign-in cookie, and the provider starts a session once", async () => {
    const { org, domain } = await ssoDomain();
    const { key, redirectUrl } = await startSsoSignIn({ email: `route@${domain}` });
    const back = await followToRedirectUri(redirectUrl, ssoRedirectUri());
    // The request reached us by an internal host: the route still hands the public redirect URI to the library.
    const res = await call(back.search, `${SSO_LOGIN_COOKIE}=${key}`);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(
      `http://localhost:3000/sign-in/sso/complete?callbackUrl=${encodeURIComponent(`/organizations/${org.slug}`)}`,
    );
    const cookies = cookiesOf(res);
    expect(cookies.find((c) => c.startsWith(`${SSO_LOGIN_COOKIE}=;`))).toMatch(/Max-Age=0/);
    const ticketCookie = cookies.find((c) => c.startsWith(`${SSO_TICKET_COOKIE}=`))!;
    expect(ticketCookie).toMatch(/HttpOnly/);
    expect(ticketCookie).toMatch(/SameSite=Lax/);
    expect(ticketCookie).toMatch(/Path=\/api\/auth\/callback\/sso/);
    const ticket = ticketCookie.split(";")[0];

    const user = (await authorizeSso(ticket)) as { id: string; email: string; sessionId: string };
    expect(user.email).toBe(`route@${domain}`);
    const [session] = await db().select().from(t.userSessions).where(eq(t.userSessions.id, user.sessionId));
    expect(session).toMatchObject({ userId: user.id, userAgent: "vitest" });
    expect(await authorizeSso(ticket)).toBeNull();

    // The same callback again: refused, back to Sign in with SSO with a known message key.
    const again = await call(back.search, `${SSO_LOGIN_COOKIE}=${key}`);
    expect(again.headers.get("location")).toBe("http://localhost:3000/sign-in/sso?error=expired");
  });

  it("hostile queries and cookies always get a redirect to a known message, never a 5xx or their own words", async () => {
    const known = Object.keys(SSO_FAILURES);
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), fc.string({ maxLength: 100 }), async (query, cookie) => {
        const search = `?${new URLSearchParams({ code: query, state: query, error: query.slice(0, 20) }).toString()}`;
        const res = await call(search, `${SSO_LOGIN_COOKIE}=${encodeURIComponent(cookie)}`);
        expect(res.status).toBe(303);
        const location = new URL(res.headers.get("location")!);
        expect(location.pathname).toBe("/sign-in/sso");
        expect(known).toContain(location.searchParams.get("error"));
      }),
      { numRuns: 40 },
    );
    expect((await callbackPost(new Request("http://localhost/api/auth/sso/callback", { method: "POST" }))).status).toBe(405);
  });
});
