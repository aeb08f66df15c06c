import { render } from "@react-email/render";
import type { ReactElement } from "react";

export type RenderedEmail = { subject: string; html: string; text: string; template: string };

/**
 * A subject is one line: names inside it come from users, and a raw CR or LF would start a new
 * header in SMTP. Controls and line separators become spaces.
 */
export const oneLineSubject = (subject: string) =>
  subject
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ")
    .replace(/ {2,}/g, " ")
    .trim();

export async function renderEmail(template: string, subject: string, element: ReactElement): Promise<RenderedEmail> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { template, subject: oneLineSubject(subject), html, text };
}
