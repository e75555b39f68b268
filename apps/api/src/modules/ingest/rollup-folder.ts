import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from "@nestjs/common";
import { BudgetAlertsService } from "../budgets/budget-alerts.service";
import type { TSpendTouched } from "../events/rollup-fold";
import { IngestRepository } from "./ingest.repository";

/** A fold also runs this often with nobody waiting, for rows another process queued and could not fold (it died). */
const SWEEP_MS = 1_000;
/** The queue is vacuumed after this many folds (every fold leaves its rows dead). */
const VACUUM_EVERY_FOLDS = 20;

type TWaiter = { promise: Promise<void>; resolve: () => void; reject: (e: unknown) => void };

/**
 * Runs the folds of queued events into the rollups, one after another: each fold takes everything queued when it
 * starts, so under load one fold carries many batches and touches each shared rollup row once. `afterInsert`
 * resolves when a fold that started after the call has committed: by then the caller's events are in the rollups.
 */
@Injectable()
export class RollupFolder implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger("RollupFold");
  private next: TWaiter | null = null;
  private running: Promise<void> = Promise.resolve();
  private looping = false;
  private foldsSinceVacuum = 0;
  private sweep: NodeJS.Timeout | null = null;

  constructor(
    private readonly ingest: IngestRepository,
    private readonly alerts: BudgetAlertsService,
  ) {}

  onModuleInit() {
    this.sweep = setInterval(() => {
      if (!this.looping) this.afterInsert().catch(() => undefined);
    }, SWEEP_MS);
    this.sweep.unref();
  }

  async onModuleDestroy() {
    if (this.sweep) clearInterval(this.sweep);
    await this.running;
  }

  /** Resolves once a fold that started after this call has committed. */
  afterInsert(): Promise<void> {
    if (!this.next) {
      let resolve!: () => void;
      let reject!: (e: unknown) => void;
      const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
      this.next = { promise, resolve, reject };
    }
    const waited = this.next.promise;
    if (!this.looping) {
      this.looping = true;
      this.running = this.loop();
    }
    return waited;
  }

  private async loop(): Promise<void> {
    try {
      while (this.next) {
        const waiter = this.next;
        this.next = null;
        try {
          const { folded, spend } = await this.ingest.fold();
          waiter.resolve();
          if (folded > 0) this.afterFold(spend);
        } catch (error) {
          this.logger.warn(`fold failed: ${(error as Error).message}`);
          waiter.reject(error);
        }
      }
    } finally {
      // Synchronously with the empty check above, so a caller never finds a loop that is already leaving.
      this.looping = false;
    }
  }

  private afterFold(spend: TSpendTouched[]) {
    const checks = new Map<string, { orgId: string; period: string; teams: string[] }>();
    for (const s of spend) {
      const key = `${s.orgId}/${s.period}`;
      const check = checks.get(key) ?? { orgId: s.orgId, period: s.period, teams: [] };
      check.teams.push(s.teamId);
      checks.set(key, check);
    }
    for (const c of checks.values()) {
      this.alerts
        .check(c.orgId, c.period, c.teams)
        .catch((e: Error) => this.logger.warn(`budget alert check failed: ${e.message}`));
    }
    if (++this.foldsSinceVacuum >= VACUUM_EVERY_FOLDS) {
      this.foldsSinceVacuum = 0;
      this.ingest.vacuumQueue().catch((e: Error) => this.logger.warn(`queue vacuum failed: ${e.message}`));
    }
  }
}
