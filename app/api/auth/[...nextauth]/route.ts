import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

// GET, POST /api/auth/* (next-auth: sign-in, sign-out, session, csrf)
const handler = NextAuth(authOptions);
export { handler as GET, handler as POST };

const other = methodNotAllowed("GET, POST");
export { other as PUT, other as PATCH, other as DELETE };
