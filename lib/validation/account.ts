import { z } from "zod";
import { emailSchema } from "./common";
import { passwordSchema, signUpSchema } from "./auth";

export const forgotPasswordSchema = z.object({ email: emailSchema });

export const resetPasswordSchema = z.object({ password: passwordSchema });

export const updateNameSchema = z.object({ name: signUpSchema.shape.name });

export const changePasswordSchema = z.object({
  currentPassword: z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(200),
  newPassword: passwordSchema,
});
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

export const changeEmailSchema = z.object({ newEmail: emailSchema });

export const deleteAccountSchema = z.object({
  confirmEmail: z.string({ error: "Type your email address." }).trim().toLowerCase().max(254),
});

const code = z.string({ error: "Enter the code." }).trim().min(1, "Enter the code.").max(40);

export const enableTwoFactorSchema = z.object({
  secret: z.string().regex(/^[A-Z2-7]{32}$/, "Start again: the setup key is not valid."),
  code: z
    .string({ error: "Enter the 6-digit code." })
    .trim()
    .regex(/^\d{6}$/, "Enter the 6-digit code from your app."),
});

export const disableTwoFactorSchema = z.object({
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(200),
  code,
});

export const twoFactorPolicySchema = z.object({ required: z.boolean({ error: "Choose on or off." }) });
