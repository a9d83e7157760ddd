// The signed-in user (GET /api/auth/me), and what they may do.
import { useQuery } from '@tanstack/react-query';
import type { Me, Permission } from '@shuangsheng/contracts';
import { api } from '../api/client';

export const ME_KEY = ['auth', 'me'] as const;

export function fetchMe(signal?: AbortSignal): Promise<Me> {
  return api.get<Me>('/api/auth/me', undefined, { signal, allow401: true });
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: ({ signal }) => fetchMe(signal), staleTime: 5 * 60_000, retry: false });
}

/** The signed-in user; only inside the authenticated layout, where it is loaded. */
export function useSession(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useSession outside the signed-in layout');
  return data;
}

export function useCan(): (permission: Permission | undefined) => boolean {
  const { data } = useMe();
  return (permission) => !permission || (data?.permissions.includes(permission) ?? false);
}

/** An enterprise user who sees only their own enterprise (no staff permissions). */
export function isEnterpriseOnly(me: Me): me is Me & { enterpriseId: string } {
  return me.roles.includes('enterprise_user') && !!me.enterpriseId && !me.permissions.includes('org.read');
}
