// Optional location of answers: off unless the inspector turns it on (remembered on the device);
// when on, the browser's position is watched (a prompt the first time) and attached to each
// answer. Never required: denied or unavailable simply leaves answers without a position.
import { useCallback, useEffect, useRef, useState } from 'react';

const KEY = 'shuangsheng.inspections.geo';
export type GeoState = 'off' | 'locating' | 'ok' | 'denied' | 'unavailable';
export type Position = { latitude: number; longitude: number };

function remembered(): boolean {
  try {
    return localStorage.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

export function useGeo() {
  const [on, setOn] = useState(remembered);
  const [state, setState] = useState<GeoState>(on ? 'locating' : 'off');
  const position = useRef<Position | null>(null);

  useEffect(() => {
    if (!on) {
      position.current = null;
      setState('off');
      return;
    }
    const geo = typeof navigator !== 'undefined' ? navigator.geolocation : undefined;
    if (!geo) {
      setState('unavailable');
      return;
    }
    setState('locating');
    const id = geo.watchPosition(
      (p) => {
        position.current = { latitude: Math.round(p.coords.latitude * 1e6) / 1e6, longitude: Math.round(p.coords.longitude * 1e6) / 1e6 };
        setState('ok');
      },
      (err) => setState(err.code === err.PERMISSION_DENIED ? 'denied' : 'unavailable'),
      { enableHighAccuracy: false, maximumAge: 60_000, timeout: 20_000 },
    );
    return () => geo.clearWatch(id);
  }, [on]);

  const toggle = useCallback((next: boolean) => {
    try {
      localStorage.setItem(KEY, next ? 'on' : 'off');
    } catch {
      // private mode: only for this visit
    }
    setOn(next);
  }, []);

  /** The last position known, if any. */
  const current = useCallback((): Position | null => position.current, []);
  return { on, state, toggle, current };
}
export type Geo = ReturnType<typeof useGeo>;
