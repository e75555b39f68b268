"use client";
import { EVENT_FILTER_KEYS, type TEventRecord } from "@kt/contract";
import { Activity } from "lucide-react";
import { useMemo, useState } from "react";
import type { TEventFilterParams } from "@/api/events";
import { useEventStream } from "@/hooks/use-event-stream";
import { useListEvents } from "@/hooks/use-list-events";
import { useUrlQuery } from "@/hooks/use-url-query";
import { describeRange, rangeFromParams, rangeToParams, rangeToQuery } from "@/lib/time-range";
import { Button, ButtonLink } from "../ui/button";
import { Card } from "../ui/card";
import { EmptyState } from "../ui/empty-state";
import { ErrorState } from "../ui/error-state";
import { Skeleton } from "../ui/skeleton";
import { EventDrawer } from "./event-drawer";
import { TEXT_FILTERS } from "./event-labels";
import { EventFilters } from "./event-filters";
import { EventsTable } from "./events-table";
import { LiveTailSwitch } from "./live-tail";

const PAGE_SIZE = 50;

/** Events with every API filter (in the URL), cursor paging, a detail drawer and a live tail. */
export function EventsView() {
  const { params, update } = useUrlQuery();
  const range = useMemo(() => rangeFromParams(params, "24h"), [params]);
  const filters = useMemo(() => {
    const f: TEventFilterParams = {};
    for (const key of EVENT_FILTER_KEYS) {
      const v = params.get(key);
      if (v) f[key] = v;
    }
    return f;
  }, [params]);
  const filterKey = JSON.stringify([range, filters]);
  // Cursors of the pages before this one, so "Previous" goes back without the API paging backwards.
  const [paging, setPaging] = useState<{ key: string; cursors: string[] }>({ key: filterKey, cursors: [] });
  const cursors = paging.key === filterKey ? paging.cursors : [];
  const cursor = cursors.at(-1);
  const [live, setLive] = useState(false);
  const page = useListEvents({ ...rangeToQuery(range), ...filters, limit: PAGE_SIZE, cursor });
  const stream = useEventStream(filters, live);
  const openId = params.get("event");
  const open = (e: TEventRecord) => update({ event: e.id });
  const filtered = Object.keys(filters).length > 0;

  return (
    <>
      <EventFilters
        // Remount (resetting typed values) only when a typed filter changes in the URL, not on every choice.
        key={TEXT_FILTERS.map((f) => filters[f.key] ?? "").join("\u0000")}
        range={range}
        filters={filters}
        onRange={(r) => update(rangeToParams(r))}
        onChange={(changes) => update(changes)}
        onClear={() => update(Object.fromEntries(EVENT_FILTER_KEYS.map((k) => [k, undefined])))}
      />
      <Card
        title={live ? "New events as they arrive" : `Events, ${describeRange(range)}`}
        actions={<LiveTailSwitch on={live} state={stream.state} onToggle={() => setLive((v) => !v)} />}
      >
        {live ? (
          stream.events.length === 0 ? (
            <EmptyState icon={<Activity size={32} />} title="Waiting for new events">
              Events matching these filters appear here the moment a gateway reports them. Send a request through a
              gateway, or switch the live tail off to browse stored events.
            </EmptyState>
          ) : (
            <EventsTable caption={`${stream.events.length} new events (newest first)`} events={stream.events} onOpen={open} />
          )
        ) : page.isPending ? (
          <Skeleton lines={8} label="Loading events" />
        ) : page.error ? (
          <ErrorState error={page.error} onRetry={() => void page.refetch()} />
        ) : page.data.items.length === 0 ? (
          <EmptyState icon={<Activity size={32} />} title={filtered ? "No event matches these filters" : "No events in this range"}
            action={filtered ? <Button onClick={() => update(Object.fromEntries(EVENT_FILTER_KEYS.map((k) => [k, undefined])))}>Clear filters</Button> : <ButtonLink href="/gateways">Set up a gateway</ButtonLink>}>
            {filtered
              ? "Loosen a filter or widen the time range."
              : "Each request through a gateway becomes an event. Widen the range or send a request through a gateway."}
          </EmptyState>
        ) : (
          <div data-testid="events-ready">
            <EventsTable
              caption={`Page ${cursors.length + 1}: ${page.data.items.length} events, newest first`}
              events={page.data.items}
              onOpen={open}
            />
            <nav aria-label="Event pages" className="page-actions" style={{ marginTop: "0.75rem" }}>
              <Button disabled={cursors.length === 0} onClick={() => setPaging({ key: filterKey, cursors: cursors.slice(0, -1) })}>
                Previous page
              </Button>
              <Button
                disabled={!page.data.nextCursor || page.isPlaceholderData}
                onClick={() => page.data.nextCursor && setPaging({ key: filterKey, cursors: [...cursors, page.data.nextCursor] })}
              >
                Next page
              </Button>
            </nav>
          </div>
        )}
      </Card>
      <EventDrawer id={openId} onClose={() => update({ event: undefined })} />
    </>
  );
}
