// Server-sent events per zone (ARCHITECTURE §7): services publish after their commit, open
// event streams of the zone receive. In-process: with several nodes each node's streams see the
// events of that node only (PostgreSQL LISTEN/NOTIFY between nodes is the next step).
export type ZoneEvent = { type: string; data: unknown };
type Listener = (e: ZoneEvent) => void;

export function createEventBus() {
  const byZone = new Map<string, Set<Listener>>();
  return {
    publish(zoneId: string, e: ZoneEvent): void {
      for (const l of byZone.get(zoneId) ?? []) {
        try {
          l(e);
        } catch {
          // one broken stream must not stop the others
        }
      }
    },
    /** Returns the unsubscribe function. */
    subscribe(zoneId: string, l: Listener): () => void {
      let set = byZone.get(zoneId);
      if (!set) byZone.set(zoneId, (set = new Set()));
      set.add(l);
      return () => {
        set.delete(l);
        if (!set.size) byZone.delete(zoneId);
      };
    },
    listeners: (zoneId: string): number => byZone.get(zoneId)?.size ?? 0,
  };
}
export type EventBus = ReturnType<typeof createEventBus>;
