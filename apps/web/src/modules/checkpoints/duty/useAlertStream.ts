// The duty console's live alerts: an EventSource on /api/checkpoints/alerts/stream (`event:
// alert`, AlertEvent JSON). The browser reconnects by itself after a network drop (the server
// says `retry: 3000`); when the stream closed for good (a 401/403/5xx answer) it is opened again
// after a growing wait. Each (re)connection refreshes the ledger, so alerts raised while the
// console was away are there too.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ALERT_STREAM_URL } from './api';
import { mergeAlert, parseAlert, reconnectDelay, type LiveAlert } from './helpers';

export type StreamState = 'connecting' | 'open' | 'reconnecting';

export function useAlertStream(enabled = true) {
  const qc = useQueryClient();
  const [alerts, setAlerts] = useState<LiveAlert[]>([]);
  const [state, setState] = useState<StreamState>('connecting');
  const [connectedAt, setConnectedAt] = useState<number | null>(null);
  const attempts = useRef(0);

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    let es: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let stopped = false;
    const refreshLedger = () => void qc.invalidateQueries({ queryKey: ['checkpoints-duty', 'cases'] });

    const open = () => {
      if (stopped) return;
      es = new EventSource(ALERT_STREAM_URL, { withCredentials: true });
      es.onopen = () => {
        attempts.current = 0;
        setState('open');
        setConnectedAt(Date.now());
        refreshLedger();
      };
      es.addEventListener('alert', (e) => {
        const alert = parseAlert((e as MessageEvent<string>).data);
        if (!alert) return;
        setAlerts((list) => mergeAlert(list, alert, Date.now()));
        refreshLedger();
      });
      es.onerror = () => {
        if (!es) return;
        if (es.readyState === EventSource.CLOSED) {
          // The browser gave up (an error answer): try again later ourselves.
          es.close();
          setState('reconnecting');
          timer = setTimeout(open, reconnectDelay(attempts.current++));
        } else {
          setState('reconnecting');
        }
      };
    };
    open();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      es?.close();
    };
  }, [enabled, qc]);

  const markSeen = useCallback((caseId?: string) => {
    setAlerts((list) => list.map((a) => (caseId === undefined || a.caseId === caseId ? { ...a, seen: true } : a)));
  }, []);
  const clear = useCallback(() => setAlerts([]), []);

  return { alerts, state, connectedAt, markSeen, clear };
}
