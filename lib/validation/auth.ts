import { z } from "zod";
import { displayNameSchema, emailSchema } from "./common";

export const passwordSchema = z
  .string({ error: "Enter a password." })
  .min(8, "Use at least 8 characters.")
  .max(200, "Use at most 200 characters.");

export const signUpSchema = z.object({
  name: displayNameSchema("Enter your name."),
  email: emailSchema,
  password: passwordSchema,
});
export type SignUpInput = z.input<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password.").max(200),
});
