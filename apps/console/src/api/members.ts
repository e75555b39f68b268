import {
  ZCreatedInvite,
  ZInviteList,
  ZMember,
  ZMemberList,
  type TCreatedInvite,
  type TCreateInvite,
  type TMember,
  type TRole,
} from "@kt/contract";
import { z } from "zod";
import { apiRequest } from "./client";

export function listMembers(signal?: AbortSignal) {
  return apiRequest({ path: "/v1/members", schema: ZMemberList, signal });
}

export function updateMemberRole(userId: string, role: TRole): Promise<TMember> {
  return apiRequest({ path: `/v1/members/${userId}`, method: "PATCH", body: { role }, schema: ZMember });
}

export function removeMember(userId: string): Promise<unknown> {
  return apiRequest({ path: `/v1/members/${userId}`, method: "DELETE", schema: z.unknown() });
}

export function listInvites(signal?: AbortSignal) {
  return apiRequest({ path: "/v1/invites", schema: ZInviteList, signal });
}

export function createInvite(body: TCreateInvite): Promise<TCreatedInvite> {
  return apiRequest({ path: "/v1/invites", method: "POST", body, schema: ZCreatedInvite });
}

export function cancelInvite(id: string): Promise<unknown> {
  return apiRequest({ path: `/v1/invites/${id}`, method: "DELETE", schema: z.unknown() });
}
