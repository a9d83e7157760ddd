// The signed-in user (GET /api/auth/me), and what they may do.
import { useQuery } from '@tanstack/react-query';
import type { Me, Permission } from '@shuangsheng/contracts';
import { api } from '../api/client';
import { setTimeZone } from '../lib/format';

export const ME_KEY = ['auth', 'me'] as const;

/** The session; dates and times are shown in its zone's time zone from then on. */
export async function fetchMe(signal?: AbortSignal): Promise<Me> {
  const me = await api.get<Me>('/api/auth/me', undefined, { signal, allow401: true });
  setTimeZone(me.zone.timeZone);
  return me;
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
