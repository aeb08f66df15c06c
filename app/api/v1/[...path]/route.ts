import { errorResponse } from "@/lib/http/v1/errors";

// ANY /api/v1/* that no other route answers: a 404 in v1's error shape.
const notFound = async (req: Request) =>
  errorResponse(404, "not_found", `No API route matches ${req.method} ${new URL(req.url).pathname}.`);

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
