import { QueryClient } from '@tanstack/react-query';
import { ApiError, NETWORK_ERROR } from '../api/client';

/** Retry only what may pass on its own: a database that is away (503) or a dropped network. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError) {
    if (error.status === 503) return failureCount < 6;
    if (error.code === NETWORK_ERROR) return failureCount < 2;
  }
  return false;
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: shouldRetry,
      retryDelay: (n) => Math.min(1000 * 2 ** n, 10_000),
      refetchOnWindowFocus: false,
      staleTime: 10_000,
    },
    mutations: { retry: false },
  },
});
