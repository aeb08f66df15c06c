import { MAX_PAGE } from "@/lib/domain/scim/filter";

// What this SCIM service provider supports (RFC 7643 sections 5-7): what identity providers read
// before they provision. Kept beside the handlers so the two cannot disagree for long.
const LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

export function serviceProviderConfig(base: string) {
  return {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
    documentationUri: "https://datatracker.ietf.org/doc/html/rfc7644",
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_PAGE },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      {
        type: "oauthbearertoken",
        name: "SCIM token",
        description:
          "The organization's SCIM token (Org Profile -> Directory Sync -> Generate SCIM Token), sent as Authorization: Bearer <token>.",
        primary: true,
      },
    ],
    meta: { resourceType: "ServiceProviderConfig", location: `${base}/ServiceProviderConfig` },
  };
}

const resourceType = (base: string, name: "User" | "Group") => ({
  schemas: ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
  id: name,
  name,
  endpoint: `/${name}s`,
  description: name === "User" ? "A member of the organization" : "A group of the organization's members",
  schema: `urn:ietf:params:scim:schemas:core:2.0:${name}`,
  meta: { resourceType: "ResourceType", location: `${base}/ResourceTypes/${name}` },
});

export const resourceTypes = (base: string) => {
  const items = [resourceType(base, "User"), resourceType(base, "Group")];
  return { schemas: [LIST], totalResults: items.length, startIndex: 1, itemsPerPage: items.length, Resources: items };
};

type Attr = {
  name: string;
  type: string;
  multiValued?: boolean;
  required?: boolean;
  mutability?: string;
  subAttributes?: Attr[];
  uniqueness?: string;
};
const attr = (a: Attr): Record<string, unknown> => ({
  multiValued: false,
  required: false,
  caseExact: false,
  mutability: "readWrite",
  returned: "default",
  uniqueness: "none",
  ...a,
  ...(a.subAttributes ? { subAttributes: a.subAttributes.map(attr) } : {}),
});

const userSchema = (base: string) => ({
  schemas: ["urn:ietf:params:scim:schemas:core:2.0:Schema"],
  id: "urn:ietf:params:scim:schemas:core:2.0:User",
  name: "User",
  description: "A member of the organization",
  attributes: [
    attr({ name: "userName", type: "string", required: true, uniqueness: "server" }),
    attr({ name: "externalId", type: "string" }),
    attr({
      name: "name",
      type: "complex",
      subAttributes: [
        { name: "givenName", type: "string" },
        { name: "familyName", type: "string" },
        { name: "formatted", type: "string", mutability: "readOnly" },
      ],
    }),
    attr({ name: "displayName", type: "string" }),
    attr({
      name: "emails",
      type: "complex",
      multiValued: true,
      mutability: "immutable",
      subAttributes: [
        { name: "value", type: "string" },
        { name: "type", type: "string" },
        { name: "primary", type: "boolean" },
      ],
    }),
    attr({ name: "active", type: "boolean" }),
  ],
  meta: { resourceType: "Schema", location: `${base}/Schemas/urn:ietf:params:scim:schemas:core:2.0:User` },
});

const groupSchema = (base: string) => ({
  schemas: ["urn:ietf:params:scim:schemas:core:2.0:Schema"],
  id: "urn:ietf:params:scim:schemas:core:2.0:Group",
  name: "Group",
  description: "A group of the organization's members",
  attributes: [
    attr({ name: "displayName", type: "string", required: true, uniqueness: "server" }),
    attr({ name: "externalId", type: "string" }),
    attr({
      name: "members",
      type: "complex",
      multiValued: true,
      subAttributes: [
        { name: "value", type: "string", mutability: "immutable" },
        { name: "display", type: "string", mutability: "readOnly" },
        { name: "$ref", type: "reference", mutability: "immutable" },
      ],
    }),
  ],
  meta: { resourceType: "Schema", location: `${base}/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group` },
});

export const schemas = (base: string) => {
  const items = [userSchema(base), groupSchema(base)];
  return { schemas: [LIST], totalResults: items.length, startIndex: 1, itemsPerPage: items.length, Resources: items };
};
