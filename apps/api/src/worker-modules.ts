import type { Type } from "@nestjs/common";

/** Each queue the worker can consume, with the module holding its processor. */
export const WORKER_MODULES: { queue: string; module: Type<unknown> }[] = [];
