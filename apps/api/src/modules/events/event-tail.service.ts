import { Injectable, Logger, OnModuleDestroy, type MessageEvent } from "@nestjs/common";
import type { TEventRecord, TEventStreamQuery } from "@kt/contract";
import { interval, map, merge, Observable, Subject, takeUntil } from "rxjs";
import type { AuthContext } from "../../common/auth/auth-context";
import { matchesFilters, policyKeysOf } from "./event-match";
import { EventScopeService } from "./event-scope.service";
import { EventStreamService } from "./event-stream.service";

const PING_MS = 15_000;

/** `GET /v1/events/stream`: the org's new events that pass the filters, as SSE `event` messages, plus pings. */
@Injectable()
export class EventTailService implements OnModuleDestroy {
  private readonly logger = new Logger("EventTail");
  /** Ends every open tail at shutdown, so open streams do not hold the HTTP server open. */
  private readonly closing = new Subject<void>();

  constructor(
    private readonly scope: EventScopeService,
    private readonly stream: EventStreamService,
  ) {}

  async tail(ctx: AuthContext, q: TEventStreamQuery): Promise<Observable<MessageEvent>> {
    const filters = await this.scope.resolve(ctx, q);
    const teamNames = new Map<string, string | null>();
    const events = new Observable<MessageEvent>((subscriber) => {
      let stop: (() => Promise<void>) | null = null;
      let closed = false;
      const onEvents = async (batch: TEventRecord[]) => {
        const shown = batch.filter((e) => matchesFilters(e, filters, policyKeysOf(e)));
        const unknownTeams = shown.flatMap((e) => (e.teamId && !teamNames.has(e.teamId) ? [e.teamId] : []));
        if (unknownTeams.length) {
          const names = await this.scope.names(ctx.orgId, [], unknownTeams);
          for (const id of unknownTeams) teamNames.set(id, names.teams.get(id) ?? null);
        }
        for (const e of shown)
          subscriber.next({
            type: "event",
            id: e.id,
            data: { ...e, teamName: e.teamId ? (teamNames.get(e.teamId) ?? null) : null },
          });
      };
      this.stream
        .subscribe(ctx.orgId, (batch) => void onEvents(batch).catch(() => undefined))
        .then((unsubscribe) => {
          stop = unsubscribe;
          if (closed) void unsubscribe();
          subscriber.next({ type: "ready", data: { subscribed: true } });
        })
        .catch((error: Error) => {
          this.logger.warn(`live tail could not subscribe: ${error.message}`);
          subscriber.error(error);
        });
      return () => {
        closed = true;
        void stop?.();
      };
    });
    return merge(events, interval(PING_MS).pipe(map((): MessageEvent => ({ type: "ping", data: {} })))).pipe(
      takeUntil(this.closing),
    );
  }

  onModuleDestroy() {
    this.closing.next();
    this.closing.complete();
  }
}
