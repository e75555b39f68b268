import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError, apiErrorFromResponse, fieldErrors } from "./api-error";

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("ApiError", () => {
  it("keeps the API's code, message and details exactly as written", async () => {
    const details = [{ path: "body.email", message: "must be an email address" }];
    const error = await apiErrorFromResponse(
      json(400, {
        error: { code: "validation_failed", message: "email: must be an email address", details },
      }),
    );
    expect(error).toMatchObject({
      status: 400,
      code: "validation_failed",
      message: "email: must be an email address",
    });
    expect(fieldErrors(error)).toEqual({ email: "must be an email address" });
  });

  it("names the status when the body is not the API's error shape", async () => {
    const error = await apiErrorFromResponse(
      new Response("<html>bad gateway</html>", { status: 502, statusText: "Bad Gateway" }),
    );
    expect(error).toMatchObject({
      status: 502,
      code: "internal",
      message: "The API answered 502 Bad Gateway.",
    });
  });

  it("reports a response that breaks the contract with the offending field", () => {
    const schema = z.object({ user: z.object({ email: z.string() }) });
    expect(() => ApiError.parseBody(schema, { user: { email: 3 } }, "/v1/me")).toThrow(
      /The API's answer to \/v1\/me does not match the contract \(user\.email: /,
    );
  });
});
