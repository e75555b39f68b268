import { createParamDecorator, type ExecutionContext } from "@nestjs/common";
import type { Request } from "express";

/** Request id and client IP, for public routes that write audit entries without an AuthContext. */
export type RequestMeta = { requestId: string; ip: string };

export const ReqMeta = createParamDecorator((_: unknown, host: ExecutionContext): RequestMeta => {
  const req = host.switchToHttp().getRequest<Request & { id?: unknown }>();
  return { requestId: String(req.id ?? ""), ip: req.ip ?? "" };
});
