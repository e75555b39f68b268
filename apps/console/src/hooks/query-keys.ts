/** Every query key starts with the org, so switching org can never show another org's cached data. */
export function orgKey(orgId: string, resource: string, ...params: unknown[]): readonly unknown[] {
  return ["org", orgId, resource, ...params] as const;
}
