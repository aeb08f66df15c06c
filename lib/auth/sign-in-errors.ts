// Messages the sign-in form receives from next-auth (shared so the client can recognise them).
export const TWO_FACTOR_REQUIRED = "TwoFactorRequired";
export const INVALID_CODE = "That authentication code is not right.";
