import { ApiTokensModule } from "./modules/api-tokens/api-tokens.module";
import { AuditLogModule } from "./modules/audit-log/audit-log.module";
import { AuditModule } from "./modules/audit/audit.module";
import { AuthModule } from "./modules/auth/auth.module";
import { BudgetsModule } from "./modules/budgets/budgets.module";
import { DashboardModule } from "./modules/dashboard/dashboard.module";
import { EscalationsModule } from "./modules/escalations/escalations.module";
import { EventsModule } from "./modules/events/events.module";
import { ExportsModule } from "./modules/exports/exports.module";
import { GatewayKeysModule } from "./modules/gateway-keys/gateway-keys.module";
import { GatewaySyncModule } from "./modules/gateway-sync/gateway-sync.module";
import { GatewaysModule } from "./modules/gateways/gateways.module";
import { HealthModule } from "./modules/health/health.module";
import { IngestModule } from "./modules/ingest/ingest.module";
import { InvitesModule } from "./modules/invites/invites.module";
import { MembersModule } from "./modules/members/members.module";
import { NotificationsModule } from "./modules/notifications/notifications.module";
import { PolicyConfigsModule } from "./modules/policy-configs/policy-configs.module";
import { PricesModule } from "./modules/prices/prices.module";
import { TeamsModule } from "./modules/teams/teams.module";
import { TemplatesModule } from "./modules/templates/templates.module";
import { WebhooksModule } from "./modules/webhooks/webhooks.module";

/** Every resource module of the API; add yours here (one line, alphabetical). */
export const FEATURE_MODULES = [
  ApiTokensModule,
  AuditLogModule,
  AuditModule,
  AuthModule,
  BudgetsModule,
  DashboardModule,
  EscalationsModule,
  EventsModule,
  ExportsModule,
  GatewayKeysModule,
  GatewaySyncModule,
  GatewaysModule,
  HealthModule,
  IngestModule,
  InvitesModule,
  MembersModule,
  NotificationsModule,
  PolicyConfigsModule,
  PricesModule,
  TeamsModule,
  TemplatesModule,
  WebhooksModule,
];
