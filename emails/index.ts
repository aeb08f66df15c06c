import AddedToOrganizationEmail from "./added-to-organization";
import InvitationEmail from "./invitation";
import InvitationAcceptedEmail from "./invitation-accepted";
import SeatAssignedEmail from "./seat-assigned";
import SubscriptionChangedEmail from "./subscription-changed";
import TokenIssuedEmail from "./token-issued";
import UsersOnboardedEmail from "./users-onboarded";
import WelcomeEmail from "./welcome";
import VerifyEmail from "./verify-email";
import PasswordResetEmail from "./password-reset";
import EmailChangeEmail from "./email-change";
import EmailChangeNoticeEmail from "./email-change-notice";
import WebhookDisabledEmail from "./webhook-disabled";

/** Every template, for the preview page: each renders with its default props. */
export const emailTemplates = {
  welcome: WelcomeEmail,
  invitation: InvitationEmail,
  "invitation-accepted": InvitationAcceptedEmail,
  "added-to-organization": AddedToOrganizationEmail,
  "seat-assigned": SeatAssignedEmail,
  "token-issued": TokenIssuedEmail,
  "subscription-changed": SubscriptionChangedEmail,
  "users-onboarded": UsersOnboardedEmail,
  "verify-email": VerifyEmail,
  "password-reset": PasswordResetEmail,
  "email-change": EmailChangeEmail,
  "email-change-notice": EmailChangeNoticeEmail,
  "webhook-disabled": WebhookDisabledEmail,
} as const;
