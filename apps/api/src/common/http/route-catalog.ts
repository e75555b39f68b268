import { RequestMethod, type Type } from "@nestjs/common";
import { GUARDS_METADATA, METHOD_METADATA, PATH_METADATA } from "@nestjs/common/constants";
import type { ModulesContainer } from "@nestjs/core";
import type { TRole } from "@kt/contract";
import { ALLOWED_ROLES, IS_PUBLIC, REQUIRED_PERMISSION } from "../auth/decorators";
import { GatewayCredentialGuard } from "../auth/gateway-credential.guard";

/** Who may call a route: anyone, a gateway with its credential, or members with one of these roles. */
export type RouteAccess =
  | { kind: "public" }
  | { kind: "gateway" }
  | { kind: "roles"; roles: TRole[]; permission: string | null }
  | { kind: "undeclared" };

export type RouteInfo = {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS" | "ALL";
  /** Express form, e.g. `/v1/teams/:id/members/:userId`. */
  path: string;
  /** OpenAPI form, e.g. `/v1/teams/{id}/members/{userId}`. */
  openApiPath: string;
  params: string[];
  controller: string;
  handler: string;
  access: RouteAccess;
};

const GLOBAL_PREFIX = "v1";

/** Every HTTP route the app serves, read from Nest's own metadata (what the router uses). */
export function listRoutes(modules: ModulesContainer): RouteInfo[] {
  const routes: RouteInfo[] = [];
  const seen = new Set<Type>();
  for (const module of modules.values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller || seen.has(controller)) continue;
      seen.add(controller);
      routes.push(...controllerRoutes(controller));
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

function controllerRoutes(controller: Type): RouteInfo[] {
  const base = asArray(Reflect.getMetadata(PATH_METADATA, controller));
  const proto = controller.prototype;
  return Object.getOwnPropertyNames(proto).flatMap((name) => {
    const handler = proto[name];
    if (name === "constructor" || typeof handler !== "function") return [];
    const methodCode = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
    if (methodCode === undefined) return [];
    const method = RequestMethod[methodCode] as RouteInfo["method"];
    const access = accessOf(controller, handler);
    return base.flatMap((b) =>
      asArray(Reflect.getMetadata(PATH_METADATA, handler)).map((p) => {
        const path = `/${[GLOBAL_PREFIX, b, p]
          .map((s) => s.replace(/^\/+|\/+$/g, ""))
          .filter(Boolean)
          .join("/")}`;
        const params = [...path.matchAll(/:(\w+)/g)].map((m) => m[1]);
        return {
          method,
          path,
          openApiPath: path.replace(/:(\w+)/g, "{$1}"),
          params,
          controller: controller.name,
          handler: name,
          access,
        };
      }),
    );
  });
}

function accessOf(controller: Type, handler: object): RouteAccess {
  const read = <T>(key: string): T | undefined =>
    Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);
  const guards = [
    ...(Reflect.getMetadata(GUARDS_METADATA, handler) ?? []),
    ...(Reflect.getMetadata(GUARDS_METADATA, controller) ?? []),
  ];
  if (guards.includes(GatewayCredentialGuard)) return { kind: "gateway" };
  if (read<boolean>(IS_PUBLIC)) return { kind: "public" };
  const roles = read<TRole[]>(ALLOWED_ROLES);
  if (!roles) return { kind: "undeclared" };
  return { kind: "roles", roles, permission: read<string>(REQUIRED_PERMISSION) ?? null };
}

function asArray(v: string | string[] | undefined): string[] {
  if (v === undefined) return [""];
  return Array.isArray(v) ? v : [v];
}

export function describeAccess(access: RouteAccess): string {
  switch (access.kind) {
    case "public":
      return "public";
    case "gateway":
      return "gateway credential";
    case "undeclared":
      return "UNDECLARED";
    case "roles":
      return `${access.permission ? `${access.permission}: ` : ""}${access.roles.join(", ")}`;
  }
}
