import { render } from "@react-email/render";
import type { ReactElement } from "react";

export type RenderedEmail = { subject: string; html: string; text: string; template: string };

export async function renderEmail(template: string, subject: string, element: ReactElement): Promise<RenderedEmail> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { template, subject, html, text };
}
