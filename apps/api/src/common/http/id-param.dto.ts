import { z } from "zod";
import { createZodDto } from "nestjs-zod";
import { ZId } from "@kt/contract";

/** `:id` path parameters are UUIDs; anything else is a 400 that says so. */
export class IdParam extends createZodDto(z.object({ id: ZId })) {}
