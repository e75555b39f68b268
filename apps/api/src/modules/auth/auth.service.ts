import { Inject, Injectable } from "@nestjs/common";
import { JwtService } from "@nestjs/jwt";
import type { TLoginRequest, TMe, TSession, TSignupRequest } from "@kt/contract";
import * as argon2 from "argon2";
import { randomBytes } from "node:crypto";
import { ENV, type TEnv } from "../../config/env";
import type { AuthContext } from "../../common/auth/auth-context";
import { DbService } from "../../common/db/db.module";
import { AppError } from "../../common/errors/app-error";
import { AuditService } from "../audit/audit.service";
import { LoginRateLimiter } from "./login-rate-limiter";

/** argon2id with OWASP's recommended memory cost. */
export const hashPassword = (password: string) =>
  argon2.hash(password, { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 });

// Verified against on an unknown email too, so timing does not reveal which emails exist.
const DUMMY_HASH = hashPassword("kt-dummy-password-for-timing");

function slugify(name: string) {
  const base = name.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40) || "org";
  return `${base}-${randomBytes(3).toString("hex")}`;
}

@Injectable()
export class AuthService {
  constructor(
    @Inject(ENV) private readonly env: TEnv,
    private readonly db: DbService,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly limiter: LoginRateLimiter,
  ) {}

  async signup(input: TSignupRequest, meta: { requestId: string; ip: string }): Promise<TSession> {
    const existing = await this.db.system.user.findUnique({ where: { email: input.email } });
    if (existing) throw new AppError("conflict", "An account with this email exists; log in instead");
    const passwordHash = await hashPassword(input.password);
    const { org, user } = await this.db.system.$transaction(async (sys) => {
      const org = await sys.org.create({ data: { name: input.orgName, slug: slugify(input.orgName) } });
      const user = await sys.user.create({ data: { email: input.email, name: input.name, passwordHash } });
      await sys.membership.create({ data: { orgId: org.id, userId: user.id, role: "admin" } });
      return { org, user };
    });
    await this.db.forOrg(org.id).$transaction((tx) =>
      this.audit.record(tx, { orgId: org.id, userId: user.id, actorLabel: user.email, via: "jwt", ...meta }, {
        action: "org.create",
        resourceType: "org",
        resourceId: org.id,
        after: { name: org.name, slug: org.slug, admin: user.email },
      }),
    );
    return this.session(user, org, "admin");
  }

  async login(input: TLoginRequest, ip: string): Promise<TSession> {
    await this.limiter.assertAllowed(input.email, ip);
    const user = await this.db.system.user.findUnique({ where: { email: input.email } });
    const ok = await argon2.verify(user?.passwordHash ?? (await DUMMY_HASH), input.password);
    if (!user || !user.passwordHash || !ok) {
      await this.limiter.recordFailure(input.email, ip);
      throw new AppError("unauthenticated", "Email or password is incorrect");
    }
    const membership = await this.db.system.membership.findFirst({
      where: { userId: user.id, ...(input.orgId ? { orgId: input.orgId } : {}) },
      orderBy: { createdAt: "asc" },
      include: { org: true },
    });
    if (!membership) throw new AppError("unauthenticated", "This account is not a member of that organisation");
    await this.limiter.recordSuccess(input.email);
    return this.session(user, membership.org, membership.role);
  }

  async me(ctx: AuthContext): Promise<TMe> {
    const [user, org, teams] = await Promise.all([
      this.db.system.user.findUniqueOrThrow({ where: { id: ctx.userId } }),
      this.db.system.org.findUniqueOrThrow({ where: { id: ctx.orgId } }),
      this.db.forOrg(ctx.orgId).teamMember.findMany({ where: { userId: ctx.userId }, select: { teamId: true } }),
    ]);
    return {
      user: { id: user.id, email: user.email, name: user.name },
      org: { id: org.id, name: org.name, slug: org.slug },
      role: ctx.role,
      via: ctx.via,
      teamIds: teams.map((t) => t.teamId),
    };
  }

  private async session(
    user: { id: string; email: string; name: string },
    org: { id: string; name: string; slug: string },
    role: TSession["role"],
  ): Promise<TSession> {
    const token = await this.jwt.signAsync({ sub: user.id, org: org.id }, { expiresIn: this.env.JWT_TTL_SECONDS });
    return {
      token,
      expiresAt: new Date(Date.now() + this.env.JWT_TTL_SECONDS * 1000).toISOString(),
      user: { id: user.id, email: user.email, name: user.name },
      org: { id: org.id, name: org.name, slug: org.slug },
      role,
    };
  }
}
