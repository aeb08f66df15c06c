import { describe, expect, it } from "vitest";
import { parseEqFilter, parsePaging } from "./filter";
import { memberFilterPath, parsePatchBody } from "./patch";
import { entra, okta } from "./fixtures/idp-bodies";
import { userChangesFromPatch, userChangesFromResource } from "./user-changes";

const changes = (body: unknown) => userChangesFromPatch(parsePatchBody(body));

describe("PATCH as identity providers send it", () => {
  it("reads Entra's and Okta's documented bodies", () => {
    expect(changes(entra.disableUser())).toEqual({ active: false });
    expect(changes(entra.disableUserLegacy())).toEqual({ active: false });
    expect(changes(entra.enableUserLegacy())).toEqual({ active: true });
    expect(changes(okta.deactivate())).toEqual({ active: false });
    expect(changes(okta.reactivate())).toEqual({ active: true });
    expect(changes(entra.updateMultiValued("a@b.example"))).toEqual({ email: "a@b.example", familyName: "updatedFamilyName" });
    expect(changes(entra.updateSingleValued("upn@b.example"))).toEqual({ userName: "upn@b.example" });
    expect(changes(entra.replaceManyLegacy())).toEqual({ givenName: "Grace", familyName: "Hopper", displayName: "Grace Hopper" });
  });

  it("takes any case of op and path, the core URN, remove, and later operations over earlier ones", () => {
    expect(
      changes({
        Operations: [
          { op: "ADD", path: "urn:ietf:params:scim:schemas:core:2.0:User:ExternalID", value: "x" },
          { op: "replace", path: "ACTIVE", value: "false" },
          { op: "Remove", path: "externalId" },
          { op: "replace", value: { name: { givenName: "A", familyName: "B" } } },
        ],
      }),
    ).toEqual({ externalId: null, active: false, givenName: "A", familyName: "B" });
  });

  it("refuses what it cannot read, with the SCIM error it deserves", () => {
    const scimType = (body: unknown) => {
      try {
        changes(body);
        return "accepted";
      } catch (err) {
        return (err as { scimType?: string }).scimType;
      }
    };
    expect(scimType({})).toBe("invalidSyntax");
    expect(scimType({ Operations: [{ op: "copy", path: "active" }] })).toBe("invalidSyntax");
    expect(scimType({ Operations: [{ op: "replace" }] })).toBe("invalidSyntax");
    expect(scimType({ Operations: [{ op: "replace", path: "active", value: 1 }] })).toBe("invalidValue");
    expect(scimType({ Operations: [{ op: "remove", path: "userName" }] })).toBe("invalidValue");
    expect(scimType({ Operations: [{ op: "replace", path: "title", value: "ignored" }] })).toBe("accepted");
  });

  it("reads members[value eq] paths, filters and paging", () => {
    expect(memberFilterPath('members[value eq "abc"]')).toBe("abc");
    expect(memberFilterPath("members")).toBeNull();
    expect(parseEqFilter('USERNAME eq "A@B"', ["userName"])).toEqual({ attribute: "userName", value: "A@B" });
    expect(parseEqFilter('externalId eq "a\\"b"', ["externalId"])).toEqual({ attribute: "externalId", value: 'a"b' });
    expect(() => parseEqFilter('userName sw "a"', ["userName"])).toThrow();
    expect(parsePaging(new URLSearchParams("startIndex=0&count=5000"))).toEqual({ startIndex: 1, count: 200 });
    expect(userChangesFromResource(okta.createUser("j@s.example"))).toMatchObject({
      userName: "j@s.example",
      email: "j@s.example",
      active: true,
    });
  });
});
