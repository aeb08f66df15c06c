import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { verifyCredentials } from "@/lib/domain/users/verify-credentials";
import { AppError } from "@/lib/errors";
import { getAuthSecret } from "./secret";
import { clientIp } from "./client-ip";

// The credentials provider works only with JWT sessions. The JWT carries the user id alone:
// membership and role are read from the database on every request.
export const authOptions: NextAuthOptions = {
  secret: getAuthSecret(),
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        try {
          const user = await verifyCredentials(credentials ?? {}, { ip: clientIp(req?.headers ?? {}) });
          return { id: user.id, name: user.name, email: user.email };
        } catch (err) {
          // next-auth hands a thrown message to the client; a null return means bad credentials.
          if (err instanceof AppError && err.code === "rate_limited") throw new Error(err.message);
          if (err instanceof AppError && err.code === "unauthenticated") return null;
          throw err;
        }
      },
    }),
  ],
  callbacks: {
    session({ session, token }) {
      if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
      return session;
    },
  },
};
