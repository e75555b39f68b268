import { ZEventRecord, type TEventRecord } from "@kt/contract";
import { useEffect, useState } from "react";
import { eventStreamUrl, type TEventFilterParams } from "@/api/events";

export type TStreamState = "off" | "connecting" | "live" | "reconnecting";

const KEEP = 200;

/**
 * Follows `GET /v1/events/stream` through the proxy while `enabled`: newest first, at most 200 kept.
 * EventSource reconnects by itself after a drop; the state says so instead of pretending to be live.
 */
export function useEventStream(filters: TEventFilterParams, enabled: boolean) {
  const [events, setEvents] = useState<TEventRecord[]>([]);
  const [state, setState] = useState<TStreamState>("off");
  const url = eventStreamUrl(filters);
  useEffect(() => {
    if (!enabled) {
      setState("off");
      return;
    }
    setEvents([]);
    setState("connecting");
    const source = new EventSource(url, { withCredentials: true });
    source.onopen = () => setState("live");
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? "off" : "reconnecting");
    source.addEventListener("event", (message) => {
      const parsed = ZEventRecord.safeParse(JSON.parse((message as MessageEvent<string>).data));
      if (!parsed.success) return;
      setEvents((prev) => [parsed.data, ...prev.filter((e) => e.id !== parsed.data.id)].slice(0, KEEP));
    });
    return () => source.close();
  }, [url, enabled]);
  return { events, state };
}
