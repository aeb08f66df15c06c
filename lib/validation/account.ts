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
