import { Body, Container, Head, Heading, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

export const appName = "Org Portal";

/** The frame every message shares: a heading, the body, and a footer that says why it was sent. */
export function EmailLayout({ preview, heading, children }: { preview: string; heading: string; children: ReactNode }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: "#f4f4f5", fontFamily: "Helvetica, Arial, sans-serif", margin: 0, padding: "24px 0" }}>
        <Container style={{ backgroundColor: "#ffffff", borderRadius: 8, padding: "32px", maxWidth: 520 }}>
          <Text style={{ color: "#4f46e5", fontWeight: 700, fontSize: 14, margin: 0 }}>{appName}</Text>
          <Heading style={{ fontSize: 22, color: "#18181b", margin: "16px 0" }}>{heading}</Heading>
          <Section>{children}</Section>
          <Hr style={{ borderColor: "#e4e4e7", margin: "24px 0" }} />
          <Text style={{ color: "#71717a", fontSize: 12, margin: 0 }}>You received this email because of your account at {appName}.</Text>
        </Container>
      </Body>
    </Html>
  );
}

export const buttonStyle = {
  backgroundColor: "#4f46e5",
  borderRadius: 6,
  color: "#ffffff",
  fontSize: 14,
  fontWeight: 600,
  padding: "10px 18px",
  textDecoration: "none",
} as const;

export const paragraph = { color: "#27272a", fontSize: 14, lineHeight: "22px" } as const;
