import { Button, Text } from "@react-email/components";
import { EmailLayout, buttonStyle, paragraph } from "./layout";

export type TokenIssuedEmailProps = {
  orgName: string;
  token: string;
  expiresAt: string;
  reissued: boolean;
  condaCommand: string;
  curlCommand: string;
  tokenAccessUrl: string;
};

export function tokenIssuedSubject(orgName: string, reissued: boolean) {
  return reissued ? `Your new access token for ${orgName}` : `Your access token for ${orgName}`;
}

/** Sent once, when a member issues or reissues their token: the only other place it is shown. */
export default function TokenIssuedEmail({
  orgName = "Acme Labs",
  token = "opt_EXAMPLEexampleEXAMPLEexample0000aa",
  expiresAt = "December 31, 2026",
  reissued = false,
  condaCommand = "conda config --set channel_alias http://localhost:3000/t/opt_EXAMPLEexampleEXAMPLEexample0000aa",
  curlCommand = "curl -fsSLO http://localhost:3000/t/opt_EXAMPLEexampleEXAMPLEexample0000aa/sample/noarch/repodata.json",
  tokenAccessUrl = "http://localhost:3000/organizations/acme/token-access",
}: Partial<TokenIssuedEmailProps>) {
  return (
    <EmailLayout preview={`Your access token for ${orgName}`} heading={reissued ? "Your new access token" : "Your access token"}>
      <Text style={paragraph}>
        {reissued ? "You reissued your access token for " : "You issued an access token for "}
        {orgName}. It works until {expiresAt}.{reissued ? " Your previous token no longer works." : ""} Keep it secret: anyone with it can
        download your organization&apos;s packages. This email is the only copy we send; we store only a fingerprint of it.
      </Text>
      <Text style={code}>{token}</Text>
      <Text style={paragraph}>Use it with conda:</Text>
      <Text style={code}>{condaCommand}</Text>
      <Text style={paragraph}>Or download directly:</Text>
      <Text style={code}>{curlCommand}</Text>
      <Button href={tokenAccessUrl} style={buttonStyle}>
        Open Token Access
      </Button>
      <Text style={paragraph}>
        If you did not do this, reissue your token at {tokenAccessUrl} and tell an Account Admin of {orgName}.
      </Text>
    </EmailLayout>
  );
}

const code = {
  backgroundColor: "#f4f4f5",
  borderRadius: 6,
  color: "#18181b",
  fontFamily: "ui-monospace, Menlo, Consolas, monospace",
  fontSize: 13,
  padding: "10px 12px",
  wordBreak: "break-all",
} as const;
