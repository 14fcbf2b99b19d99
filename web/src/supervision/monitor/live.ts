// Pushed updates: the server tells the page (server-sent events on /api/supervision/live) when a batch of
// events landed; the monitoring queries are then fetched again. Nobody polls.
import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';

export const MONITOR_KEY = 'sv-monitor';

/** Keeps one live channel open while the shell is shown; returns whether it is connected. */
export function useLiveUpdates(): boolean {
  const queryClient = useQueryClient();
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const source = new EventSource('/api/supervision/live');
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    source.addEventListener('changed', () => {
      void queryClient.invalidateQueries({ queryKey: [MONITOR_KEY] });
    });
    return () => source.close();
  }, [queryClient]);
  return connected;
}
