// The typed client of the routes in docs/openapi.json (openapi-fetch over the
// generated schema.d.ts): a path, its parameters and its body are checked at
// compile time against what the server declares, and the answer comes typed.
// Errors become ApiError (client.ts) with the server's code and message.
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './schema';
import { apiLanguage, badResponse, networkError, toApiError } from './client';

type QueryValue = string | number | boolean | null | undefined;

/**
 * The query string: a parameter left empty (undefined, null, '') is left out,
 * so an unset filter means "any" rather than the empty string the server would
 * refuse; a list is sent as the parameter repeated (pause=A:B&pause=C:D).
 */
export function queryString(query: Record<string, QueryValue | readonly QueryValue[]>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const one of Array.isArray(value) ? value : [value]) {
      if (one !== undefined && one !== null && one !== '') params.append(key, String(one));
    }
  }
  return params.toString();
}

/** A typed client for the server at `baseUrl` (the page's own origin in the browser). */
export function typedClient(baseUrl: string, fetchFn?: typeof fetch): Client<paths> {
  const client = createClient<paths>({
    baseUrl,
    credentials: 'same-origin',
    querySerializer: (query) => queryString(query as Record<string, QueryValue>),
    ...(fetchFn ? { fetch: fetchFn } : {}),
  });
  client.use({
    onRequest({ request }) {
      request.headers.set('Accept', 'application/json');
      request.headers.set('Accept-Language', apiLanguage());
      return request;
    },
  });
  return client;
}

/** The browser's client: same origin, the session cookie sent along. */
export const http = typedClient(globalThis.location?.origin ?? '');

/**
 * The data of a successful answer; the server's catalogue error, a network
 * failure or a body that is not JSON as ApiError.
 */
export async function ok<T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let answer: { data?: T; error?: unknown; response: Response };
  try {
    answer = await pending;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    if (error instanceof SyntaxError) throw badResponse(0);
    throw networkError();
  }
  const { data, error, response } = answer;
  if (!response.ok) throw toApiError(response.status, error, badResponse(response.status).message);
  return data as T;
}
