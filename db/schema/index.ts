export * from "./users";
export * from "./organizations";
export * from "./activity";
export * from "./email";
export * from "./rate-limits";
