import {
  ZTeam,
  ZTeamDetail,
  ZTeamList,
  type TCreateTeam,
  type TTeam,
  type TTeamDetail,
  type TUpdateTeam,
} from "@kt/contract";
import { z } from "zod";
import { apiRequest } from "./client";

export function listTeams(archived: "true" | "false" | "all" = "false", signal?: AbortSignal) {
  return apiRequest({ path: "/v1/teams", query: { archived }, schema: ZTeamList, signal });
}

export function getTeam(id: string, signal?: AbortSignal): Promise<TTeamDetail> {
  return apiRequest({ path: `/v1/teams/${id}`, schema: ZTeamDetail, signal });
}

export function createTeam(body: TCreateTeam): Promise<TTeam> {
  return apiRequest({ path: "/v1/teams", method: "POST", body, schema: ZTeam });
}

export function updateTeam(id: string, body: TUpdateTeam): Promise<TTeam> {
  return apiRequest({ path: `/v1/teams/${id}`, method: "PATCH", body, schema: ZTeam });
}

export function addTeamMember(teamId: string, userId: string): Promise<unknown> {
  return apiRequest({
    path: `/v1/teams/${teamId}/members`,
    method: "POST",
    body: { userId },
    schema: z.unknown(),
  });
}

export function removeTeamMember(teamId: string, userId: string): Promise<unknown> {
  return apiRequest({ path: `/v1/teams/${teamId}/members/${userId}`, method: "DELETE", schema: z.unknown() });
}
