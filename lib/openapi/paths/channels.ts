import type { ZodOpenApiPathsObject } from "zod-openapi";
import { z } from "zod";
import {
  channelSchema,
  createChannelSchema,
  createGroupSchema,
  groupMemberSchema,
  groupMembersSchema,
  groupSchema,
  packageSchema,
  updateChannelSchema,
  updateGroupSchema,
} from "@/lib/validation/channels";
import { bearer, json, orgCallErrors, orgIdParam, problem } from "../common";

const channelParam = z.string().meta({ description: "The channel's name (as in conda's -c)." });
const groupIdParam = z.string().meta({ description: "The group's id (a UUID)." });
const channelPath = z.object({ orgId: orgIdParam, channel: channelParam });
const groupPath = z.object({ orgId: orgIdParam, groupId: groupIdParam });
const fileParams = channelPath.extend({
  subdir: z.string().meta({ description: "Platform subdir: noarch, linux-64, osx-arm64, win-64, ..." }),
  filename: z.string().meta({ description: "<name>-<version>-<build>.conda or .tar.bz2" }),
});
const notFound = { "404": problem("No such organization for this caller, or no such channel or group in it") };
const tags = ["Channels"];

export const channelPaths: ZodOpenApiPathsObject = {
  "/api/organizations/{orgId}/channels": {
    get: {
      tags,
      summary: "The org's channels",
      operationId: "listChannels",
      security: bearer,
      requestParams: { path: z.object({ orgId: orgIdParam }) },
      responses: { "200": { description: "Channels by name", content: json(z.array(channelSchema)) }, ...orgCallErrors },
    },
    post: {
      tags,
      summary: "Create a channel (admins and service accounts)",
      operationId: "createChannel",
      security: bearer,
      requestParams: { path: z.object({ orgId: orgIdParam }) },
      requestBody: { content: json(createChannelSchema) },
      responses: {
        "201": { description: "Created", content: json(channelSchema) },
        ...orgCallErrors,
        "409": problem("A channel with this name exists (code duplicate_channel)"),
        "422": problem("Invalid name, access or groups"),
      },
    },
  },
  "/api/organizations/{orgId}/channels/{channel}": {
    get: {
      tags,
      summary: "One channel",
      operationId: "getChannel",
      security: bearer,
      requestParams: { path: channelPath },
      responses: { "200": { description: "The channel", content: json(channelSchema) }, ...orgCallErrors, ...notFound },
    },
    patch: {
      tags,
      summary: "Change a channel's description, access or groups",
      operationId: "updateChannel",
      security: bearer,
      requestParams: { path: channelPath },
      requestBody: { content: json(updateChannelSchema) },
      responses: {
        "200": { description: "Updated", content: json(channelSchema) },
        ...orgCallErrors,
        ...notFound,
        "422": problem("Invalid access or groups"),
      },
    },
    delete: {
      tags,
      summary: "Delete a channel and all its packages",
      operationId: "deleteChannel",
      security: bearer,
      requestParams: { path: channelPath },
      responses: { "204": { description: "Deleted" }, ...orgCallErrors, ...notFound },
    },
  },
  "/api/organizations/{orgId}/channels/{channel}/packages": {
    get: {
      tags,
      summary: "A channel's packages, with download counts",
      operationId: "listPackages",
      security: bearer,
      requestParams: { path: channelPath },
      responses: { "200": { description: "Packages", content: json(z.array(packageSchema)) }, ...orgCallErrors, ...notFound },
    },
  },
  "/api/organizations/{orgId}/channels/{channel}/packages/{subdir}/{filename}": {
    put: {
      tags,
      summary: "Upload a package (raw body, streamed; CI publishes with a service account)",
      description:
        "The archive's info/index.json must match the file name and the subdir. sha256, md5 and size are computed here. " +
        "The subdir's repodata.json is updated in the same transaction.",
      operationId: "uploadPackage",
      security: bearer,
      requestParams: { path: fileParams },
      requestBody: { content: { "application/octet-stream": { schema: z.string().meta({ format: "binary" }) } } },
      responses: {
        "201": { description: "Published", content: json(packageSchema) },
        ...orgCallErrors,
        ...notFound,
        "409": problem("The channel already has this file (code duplicate_package): delete it first"),
        "413": problem("Larger than MAX_PACKAGE_BYTES (code package_too_large)"),
        "422": problem("Not a valid package, bad file name or subdir, or metadata that disagrees with them"),
      },
    },
    delete: {
      tags,
      summary: "Delete a package",
      operationId: "deletePackage",
      security: bearer,
      requestParams: { path: fileParams },
      responses: { "204": { description: "Deleted" }, ...orgCallErrors, ...notFound },
    },
  },
  "/api/organizations/{orgId}/groups": {
    get: {
      tags: ["Groups"],
      summary: "The org's groups",
      operationId: "listGroups",
      security: bearer,
      requestParams: { path: z.object({ orgId: orgIdParam }) },
      responses: { "200": { description: "Groups by name", content: json(z.array(groupSchema)) }, ...orgCallErrors },
    },
    post: {
      tags: ["Groups"],
      summary: "Create a group",
      operationId: "createGroup",
      security: bearer,
      requestParams: { path: z.object({ orgId: orgIdParam }) },
      requestBody: { content: json(createGroupSchema) },
      responses: {
        "201": { description: "Created", content: json(groupSchema) },
        ...orgCallErrors,
        "409": problem("A group with this name exists (code duplicate_group)"),
        "422": problem("Invalid name"),
      },
    },
  },
  "/api/organizations/{orgId}/groups/{groupId}": {
    get: {
      tags: ["Groups"],
      summary: "One group",
      operationId: "getGroup",
      security: bearer,
      requestParams: { path: groupPath },
      responses: { "200": { description: "The group", content: json(groupSchema) }, ...orgCallErrors, ...notFound },
    },
    patch: {
      tags: ["Groups"],
      summary: "Rename a group",
      operationId: "renameGroup",
      security: bearer,
      requestParams: { path: groupPath },
      requestBody: { content: json(updateGroupSchema) },
      responses: {
        "200": { description: "Renamed", content: json(groupSchema) },
        ...orgCallErrors,
        ...notFound,
        "409": problem("A group with this name exists (code duplicate_group)"),
        "422": problem("Invalid name"),
      },
    },
    delete: {
      tags: ["Groups"],
      summary: "Delete a group (channels it opened close to its members)",
      operationId: "deleteGroup",
      security: bearer,
      requestParams: { path: groupPath },
      responses: { "204": { description: "Deleted" }, ...orgCallErrors, ...notFound },
    },
  },
  "/api/organizations/{orgId}/groups/{groupId}/members": {
    get: {
      tags: ["Groups"],
      summary: "A group's members",
      operationId: "listGroupMembers",
      security: bearer,
      requestParams: { path: groupPath },
      responses: { "200": { description: "Members", content: json(z.array(groupMemberSchema)) }, ...orgCallErrors, ...notFound },
    },
    post: {
      tags: ["Groups"],
      summary: "Add members (one or many) to a group",
      operationId: "addGroupMembers",
      security: bearer,
      requestParams: { path: groupPath },
      requestBody: { content: json(groupMembersSchema) },
      responses: {
        "200": { description: "How many were added", content: json(z.object({ added: z.number().int() })) },
        ...orgCallErrors,
        ...notFound,
        "422": problem("Some user ids are not members of this organization (code not_a_member)"),
      },
    },
    delete: {
      tags: ["Groups"],
      summary: "Remove members (one or many) from a group",
      operationId: "removeGroupMembers",
      security: bearer,
      requestParams: { path: groupPath },
      requestBody: { content: json(groupMembersSchema) },
      responses: {
        "200": { description: "How many were removed", content: json(z.object({ removed: z.number().int() })) },
        ...orgCallErrors,
        ...notFound,
        "422": problem("Invalid user ids"),
      },
    },
  },
};
