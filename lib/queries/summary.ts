// queryOptions factories for the home page (client-safe: fetches the API, never the database).
import { queryOptions } from '@tanstack/react-query';
import type { HomeSummary } from '@/lib/data/summary';

export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  if (!res.ok) {
    let message = `${res.status} ${res.statusText}`;
    try {
      const body = (await res.json()) as { error?: string };
      if (body.error) message = body.error;
    } catch {
      // not JSON: keep the status line
    }
    throw new Error(message);
  }
  return (await res.json()) as T;
}

export const summaryQuery = () =>
  queryOptions({
    queryKey: ['summary'],
    queryFn: () => fetchJson<HomeSummary>('/api/summary'),
  });
