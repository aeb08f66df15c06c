import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { verifyCredentials } from "@/lib/domain/users/verify-credentials";
import { AppError } from "@/lib/errors";
import { config } from "@/lib/config";
import { getAuthSecret } from "./secret";
import { readCookie, SSO_TICKET_COOKIE } from "./sso-cookies";
import { clientIp } from "./client-ip";
import { endSession, startSession } from "./session-store";
import { verifySecondFactor } from "@/lib/domain/account/two-factor";
import { INVALID_CODE, TWO_FACTOR_REQUIRED } from "./sign-in-errors";
import { redeemSsoTicket } from "@/lib/domain/sso/redeem-sso-ticket";

// The credentials provider works only with JWT sessions. The JWT carries the user id and the id
// of a session row (revocable on the server): membership and role are read on every request.
export const authOptions: NextAuthOptions = {
  secret: getAuthSecret(),
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  // Secure, __Secure- prefixed cookies whenever users reach the app over https: next-auth would
  // decide from NEXTAUTH_URL alone, which an operator may leave unset or at an internal http URL.
  useSecureCookies: config().appUrl.startsWith("https://"),
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
        code: { label: "Authentication Code", type: "text" },
      },
      async authorize(credentials, req) {
        try {
          const ip = clientIp(req?.headers ?? {});
          const user = await verifyCredentials(credentials ?? {}, { ip });
          // With 2FA the password alone is not enough: the form asks for the code and sends both again.
          if (user.twoFactor) {
            if (!credentials?.code) throw new Error(TWO_FACTOR_REQUIRED);
            if (!(await verifySecondFactor(user.id, credentials.code, { ip }))) throw new Error(INVALID_CODE);
          }
          const userAgent = (req?.headers as Record<string, string | undefined> | undefined)?.["user-agent"];
          const sessionId = await startSession(user.id, { userAgent, ip });
          return { id: user.id, name: user.name, email: user.email, sessionId };
        } catch (err) {
          // next-auth hands a thrown message to the client; a null return means bad credentials.
          if (err instanceof AppError && err.code === "rate_limited") throw new Error(err.message);
          // Only after the right password: a disabled account is told why it cannot sign in.
          if (err instanceof AppError && err.reason === "account_disabled") throw new Error(err.message);
          // Require SSO is about the address's domain: the form points the person to Sign in with SSO.
          if (err instanceof AppError && err.reason === "sso_required") throw new Error(err.message);
          if (err instanceof AppError && err.code === "unauthenticated") return null;
          throw err;
        }
      },
    }),
    // Sign in with SSO ends here: the callback (app/api/auth/sso/callback) checked the IdP's answer
    // and set a single-use login ticket in an httpOnly cookie that only this endpoint receives;
    // next-auth writes the session cookie, which a route handler cannot do for the JWT strategy.
    CredentialsProvider({
      id: "sso",
      name: "Single sign-on",
      credentials: {},
      async authorize(_credentials, req) {
        try {
          const user = await redeemSsoTicket(readCookie(req?.headers, SSO_TICKET_COOKIE));
          if (!user) return null;
          const userAgent = (req?.headers as Record<string, string | undefined> | undefined)?.["user-agent"];
          const sessionId = await startSession(user.id, { userAgent, ip: clientIp(req?.headers ?? {}) });
          return { id: user.id, name: user.name, email: user.email, sessionId };
        } catch (err) {
          if (err instanceof AppError && err.reason === "account_disabled") throw new Error(err.message);
          throw err;
        }
      },
    }),
  ],
  callbacks: {
    // The JWT names its server-side session row; getSessionUser checks that row on every request.
    jwt({ token, user }) {
      if (user) token.sid = (user as { sessionId?: string }).sessionId;
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
      (session as { sid?: unknown }).sid = token.sid;
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      await endSession(token?.sid);
    },
  },
};
