import type { ZodOpenApiPathsObject } from "zod-openapi";
import { z } from "zod";
import { invitationListSchema, orgUserListSchema } from "@/lib/validation/api-lists";
import { addOrgUserSchema, invitedUserSchema, orgUserSchema } from "@/lib/validation/api-users";
import { inviteReportSchema, inviteRequestSchema } from "@/lib/validation/invitations";
import { bearer, cursorQuery, idempotencyHeader, json, orgCallErrors, orgIdParam, problem, userIdParam } from "../common";

const orgPath = z.object({ orgId: orgIdParam });
const userPath = z.object({ orgId: orgIdParam, userId: userIdParam });

export const userPaths: ZodOpenApiPathsObject = {
  "/api/organizations/{orgId}/users": {
    post: {
      tags: ["Users"],
      summary: "Add a user by email, or create an organization-managed user (no email)",
      operationId: "addUser",
      security: bearer,
      requestParams: { path: orgPath, header: z.object({ "Idempotency-Key": idempotencyHeader }) },
      requestBody: { content: json(addOrgUserSchema) },
      responses: {
        "201": { description: "Added as a Member (no seat yet)", content: json(orgUserSchema) },
        "202": {
          description: "The address belongs to an existing account: it was invited (it joins when it accepts)",
          content: json(invitedUserSchema),
        },
        ...orgCallErrors,
        "409": problem("Already a member (code already_member)"),
        "422": problem("Invalid input, with per-field errors"),
      },
    },
    get: {
      tags: ["Users"],
      summary: "List members with their role, seat and token status",
      operationId: "listUsers",
      security: bearer,
      requestParams: {
        path: orgPath,
        query: z.object({
          q: z.string().optional().meta({ description: "Search in name and email" }),
          role: z.enum(["admin", "billing_manager", "member"]).optional(),
          seat: z.enum(["yes", "no"]).optional(),
          cursor: cursorQuery,
        }),
      },
      responses: { "200": { description: "One page (100 members)", content: json(orgUserListSchema) }, ...orgCallErrors },
    },
  },
  "/api/organizations/{orgId}/users/{userId}": {
    delete: {
      tags: ["Users"],
      summary: "Remove a user from the organization (revokes seat and token)",
      operationId: "removeUser",
      security: bearer,
      requestParams: { path: userPath },
      responses: { "204": { description: "Removed" }, ...orgCallErrors, "409": problem("The last admin cannot be removed") },
    },
  },
  "/api/organizations/{orgId}/users/{userId}/seats": {
    post: {
      tags: ["Seats"],
      summary: "Assign a seat",
      operationId: "assignSeat",
      security: bearer,
      requestParams: { path: userPath },
      responses: { "201": { description: "Assigned" }, ...orgCallErrors, "409": problem("No seat available (code no_seat_available)") },
    },
    delete: {
      tags: ["Seats"],
      summary: "Revoke a seat (the user's token stops working at once)",
      operationId: "revokeSeat",
      security: bearer,
      requestParams: { path: userPath },
      responses: { "204": { description: "Revoked" }, ...orgCallErrors },
    },
  },
  "/api/organizations/{orgId}/invitations": {
    get: {
      tags: ["Invitations"],
      summary: "List pending and expired invitations",
      operationId: "listInvitations",
      security: bearer,
      requestParams: { path: orgPath, query: z.object({ q: z.string().optional(), cursor: cursorQuery }) },
      responses: { "200": { description: "One page", content: json(invitationListSchema) }, ...orgCallErrors },
    },
    post: {
      tags: ["Invitations"],
      summary: "Invite addresses with a role, and optionally a seat each",
      description:
        "Every address is reported: invited, already invited (resent, with this role and seat), already a member, no seat available (nothing sent), or invalid. Only an Account Admin's token may invite Account Admins; a service account gets 403.",
      operationId: "inviteMembers",
      security: bearer,
      requestParams: { path: orgPath, header: z.object({ "Idempotency-Key": idempotencyHeader }) },
      requestBody: { content: json(inviteRequestSchema) },
      responses: {
        "200": { description: "What happened to each address", content: json(inviteReportSchema) },
        ...orgCallErrors,
        "409": problem("No subscription, so no seat to reserve (code no_subscription)"),
        "422": problem("Invalid request, with per-field errors"),
      },
    },
  },
};
