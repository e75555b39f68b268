import { sample } from "openapi-sampler";

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  format?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

type Parameter = { name: string; in: "path" | "query" | "header"; required?: boolean; schema?: JsonSchema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};
export type OpenApiDoc = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

export async function fetchOpenApi(baseUrl: string): Promise<OpenApiDoc> {
  const res = await fetch(`${baseUrl}/v1/openapi.json`);
  if (!res.ok) throw new Error(`GET /v1/openapi.json answered ${res.status}`);
  return (await res.json()) as OpenApiDoc;
}

export function operation(doc: OpenApiDoc, method: string, openApiPath: string): Operation | undefined {
  return doc.paths[openApiPath]?.[method.toLowerCase()];
}

/** Follows `$ref`s into components. */
export function resolve(doc: OpenApiDoc, schema: JsonSchema | undefined): JsonSchema | undefined {
  let s = schema;
  for (let hops = 0; s?.$ref && hops < 10; hops++) {
    s = doc.components?.schemas?.[s.$ref.replace("#/components/schemas/", "")];
  }
  return s;
}

export function bodySchema(doc: OpenApiDoc, op: Operation | undefined): JsonSchema | undefined {
  return resolve(doc, op?.requestBody?.content?.["application/json"]?.schema);
}

/** A body that satisfies the schema's types and formats (not its cross-field rules), from openapi-sampler. */
export function sampleBody(doc: OpenApiDoc, schema: JsonSchema): unknown {
  return sample(schema as never, { skipReadOnly: true, skipNonRequired: false, quiet: true }, doc as never);
}

/** The property names and schemas of an object body, following one level of anyOf/allOf. */
export function bodyFields(doc: OpenApiDoc, schema: JsonSchema): Record<string, JsonSchema> {
  const s = resolve(doc, schema);
  if (!s) return {};
  const parts = [s, ...(s.allOf ?? []), ...(s.anyOf ?? [])].map((p) => resolve(doc, p) ?? {});
  return Object.assign(
    {},
    ...parts.map((p) =>
      Object.fromEntries(Object.entries(p.properties ?? {}).map(([k, v]) => [k, resolve(doc, v) ?? v])),
    ),
  );
}

export function queryParams(op: Operation | undefined): Parameter[] {
  return (op?.parameters ?? []).filter((p) => p.in === "query");
}
