import { problem } from "@/lib/http/problem";

// ANY /api/* that no other route answers
const notFound = async (req: Request) => problem(404, "not_found", `No API route matches ${req.method} ${new URL(req.url).pathname}.`);

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
