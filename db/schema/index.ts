export * from "./users";
export * from "./organizations";
export * from "./activity";
export * from "./email";
export * from "./rate-limits";
export * from "./invitations";
export * from "./subscriptions";
export * from "./tokens";
