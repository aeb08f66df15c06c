import { afterEach, describe, expect, it } from "vitest";
import { resetConfig } from "@/lib/config";
import { checkWebhookUrl, isNonPublicAddress } from "./address-guard";

describe("isNonPublicAddress", () => {
  it.each([
    "127.0.0.1",
    "10.1.2.3",
    "172.16.0.1",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "::",
    "::1",
    "fe80::1",
    "fc00::1",
    "fd12:3456::1",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:10.0.0.1",
    "::127.0.0.1",
    "0:0:0:0:0:ffff:a9fe:a9fe",
    "64:ff9b::7f00:1",
    "not-an-address",
  ])("refuses %s", (address) => expect(isNonPublicAddress(address)).toBe(true));

  it.each(["93.184.216.34", "8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "::ffff:8.8.8.8", "2a00:1450:4001:80b::200e"])(
    "lets %s through",
    (address) => expect(isNonPublicAddress(address)).toBe(false),
  );
});

describe("checkWebhookUrl", () => {
  afterEach(() => {
    delete process.env.WEBHOOKS_ALLOW_PRIVATE;
    resetConfig();
  });

  it("refuses other schemes, http on the Internet, credentials and literal private addresses", async () => {
    await expect(checkWebhookUrl("ftp://93.184.216.34/")).rejects.toThrow("https://");
    await expect(checkWebhookUrl("http://93.184.216.34/")).rejects.toThrow("https://");
    await expect(checkWebhookUrl("https://u:p@93.184.216.34/")).rejects.toThrow("passwords");
    await expect(checkWebhookUrl("https://127.0.0.1/")).rejects.toThrow("non-public");
    await expect(checkWebhookUrl("https://[::ffff:127.0.0.1]/")).rejects.toThrow("non-public");
    await expect(checkWebhookUrl("https://localhost:8443/")).rejects.toThrow(/non-public|resolve/);
    await expect(checkWebhookUrl("https://0x7f000001/")).rejects.toThrow("non-public");
    // Positive control: a public literal passes and is the address connected to.
    await expect(checkWebhookUrl("https://93.184.216.34/hook")).resolves.toMatchObject({ address: "93.184.216.34", family: 4 });
  });

  it("lets private addresses and http through when WEBHOOKS_ALLOW_PRIVATE is on", async () => {
    process.env.WEBHOOKS_ALLOW_PRIVATE = "1";
    resetConfig();
    await expect(checkWebhookUrl("http://127.0.0.1:9/")).resolves.toMatchObject({ address: "127.0.0.1" });
  });
});
