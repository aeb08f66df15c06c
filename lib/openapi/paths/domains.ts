import type { ZodOpenApiPathsObject } from "zod-openapi";
import { z } from "zod";
import { addDomainSchema, domainListSchema, domainSchema, verifyDomainResponseSchema } from "@/lib/validation/domains";
import { bearer, json, orgCallErrors, orgIdParam, problem } from "../common";

const domainPath = z.object({ orgId: orgIdParam, domain: z.string().meta({ description: "The domain, e.g. example.com" }) });
const notFound = { "404": problem("No such organization for this caller, or no such domain in it") };
const tags = ["Domains"];

export const domainPaths: ZodOpenApiPathsObject = {
  "/api/organizations/{orgId}/domains": {
    get: {
      tags,
      summary: "The org's domains (pending and verified) and whether their people may join",
      operationId: "listDomains",
      security: bearer,
      requestParams: { path: z.object({ orgId: orgIdParam }) },
      responses: { "200": { description: "Domains by name", content: json(domainListSchema) }, ...orgCallErrors },
    },
    post: {
      tags,
      summary: "Add a domain (admins' user tokens): answers the TXT record to publish",
      operationId: "addDomain",
      security: bearer,
      requestParams: { path: z.object({ orgId: orgIdParam }) },
      requestBody: { content: json(addDomainSchema) },
      responses: {
        "201": { description: "Added, pending until verified", content: json(domainSchema) },
        ...orgCallErrors,
        "409": problem(
          "This org or another one has already added the domain (code domain_taken); the other org is not named. Another org's claim that was not verified within 7 days of being added gives way",
        ),
        "422": problem("Not a domain name"),
      },
    },
  },
  "/api/organizations/{orgId}/domains/{domain}": {
    delete: {
      tags,
      summary: "Remove a domain; members who joined through it stay members",
      operationId: "removeDomain",
      security: bearer,
      requestParams: { path: domainPath },
      responses: { "204": { description: "Removed" }, ...orgCallErrors, ...notFound },
    },
  },
  "/api/organizations/{orgId}/domains/{domain}/verify": {
    post: {
      tags,
      summary: "Look the TXT record up and mark the domain verified when it holds the value",
      description:
        "Looks up `_org-portal-challenge.<domain>` TXT through the resolvers of DNS_SERVERS (or the system's). Answers 200 whatever DNS says: `outcome` is verified, wrong_value, no_record or lookup_failed. Limited to a few attempts a minute per org (429).",
      operationId: "verifyDomain",
      security: bearer,
      requestParams: { path: domainPath },
      responses: { "200": { description: "The check ran", content: json(verifyDomainResponseSchema) }, ...orgCallErrors, ...notFound },
    },
  },
};
