import { Inject, Injectable } from "@nestjs/common";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { ENV, type TEnv } from "../../config/env";
import { AppError } from "../../common/errors/app-error";
import { RedisService } from "../../common/redis/redis.module";

/** Failed log-ins are limited per account and per IP; a success clears the account's count. */
@Injectable()
export class LoginRateLimiter {
  private readonly perAccount: RateLimiterRedis;
  private readonly perIp: RateLimiterRedis;

  constructor(@Inject(ENV) env: TEnv, redis: RedisService) {
    const common = { storeClient: redis.client, duration: env.LOGIN_LIMIT_WINDOW_SECONDS, useRedisPackage: false };
    this.perAccount = new RateLimiterRedis({ ...common, keyPrefix: redis.key("login", "account"), points: env.LOGIN_LIMIT_PER_ACCOUNT });
    this.perIp = new RateLimiterRedis({ ...common, keyPrefix: redis.key("login", "ip"), points: env.LOGIN_LIMIT_PER_IP });
  }

  async assertAllowed(email: string, ip: string) {
    const [account, byIp] = await Promise.all([this.perAccount.get(email), this.perIp.get(ip)]);
    const blocked = [account, byIp].find((r): r is RateLimiterRes => !!r && r.remainingPoints <= 0);
    if (blocked) this.reject(blocked);
  }

  async recordFailure(email: string, ip: string) {
    await Promise.all([this.perAccount.penalty(email, 1), this.perIp.penalty(ip, 1)]);
  }

  async recordSuccess(email: string) {
    await this.perAccount.delete(email);
  }

  private reject(res: RateLimiterRes): never {
    const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    throw new AppError("rate_limited", `Too many failed log-in attempts; try again in ${seconds} s`, { retryAfterSeconds: seconds });
  }
}
