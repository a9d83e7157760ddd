// GET /api/services/stats with the period and filters.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ServiceStats } from '@shuangsheng/contracts';
import { api, type Query } from '../../../api/client';

export function useServiceStats(query: Query) {
  return useQuery({
    queryKey: ['services', 'stats', query],
    queryFn: ({ signal }) => api.get<ServiceStats>('/api/services/stats', query, { signal }),
    placeholderData: keepPreviousData,
  });
}
