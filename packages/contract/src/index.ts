export * from "./errors";
export * from "./roles";
export * from "./common";
export * from "./policy/model";
export * from "./events/gateway-event";
export * from "./api/auth";
export * from "./permissions";
