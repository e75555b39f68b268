import { AuditModule } from "./modules/audit/audit.module";
import { AuthModule } from "./modules/auth/auth.module";
import { HealthModule } from "./modules/health/health.module";
import { TeamsModule } from "./modules/teams/teams.module";

/** Every resource module of the API; add yours here (one line, alphabetical). */
export const FEATURE_MODULES = [
  AuditModule,
  AuthModule,
  HealthModule,
  TeamsModule,
];
