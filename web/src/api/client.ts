// The one place the browser talks HTTP to the server: JSON in and out, the
// session cookie sent same-origin, errors turned into ApiError with the
// server's catalogue code (docs/api-foundation.md).

/** An error reported by the server (or by the network), carrying the catalogue code. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly correlationId: string | null;
  readonly details: unknown;

  constructor(init: { code: string; message: string; status: number; correlationId?: string | null; details?: unknown }) {
    super(init.message);
    this.name = 'ApiError';
    this.code = init.code;
    this.status = init.status;
    this.correlationId = init.correlationId ?? null;
    this.details = init.details;
  }
}

/** Codes the client itself produces when no catalogue body came back. */
export const CLIENT_ERROR = {
  network: 'NETWORK_ERROR',
  badResponse: 'BAD_RESPONSE',
} as const;

let acceptLanguage = 'zh-CN';

/** Sets the Accept-Language sent with every request, so server messages follow the chosen locale. */
export function setApiLanguage(language: string): void {
  acceptLanguage = language;
}

/** The current Accept-Language value (the upload component sends it too). */
export function apiLanguage(): string {
  return acceptLanguage;
}

interface RequestOptions {
  query?: Record<string, string | number | undefined | null>;
  /** Query parameters given more than once (e.g. pause=A:B&pause=C:D). */
  repeat?: Record<string, string[]>;
  body?: unknown;
  signal?: AbortSignal;
}

function buildUrl(path: string, query?: RequestOptions['query'], repeat?: RequestOptions['repeat']): string {
  if (!query && !repeat) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  for (const [key, values] of Object.entries(repeat ?? {})) {
    for (const value of values) if (value) params.append(key, value);
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function isErrorBody(value: unknown): value is { code: string; message: string; correlationId?: string; details?: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/** Turns a parsed error body (from fetch or from the upload component) into an ApiError. */
export function toApiError(status: number, body: unknown, fallbackMessage: string): ApiError {
  if (isErrorBody(body)) {
    return new ApiError({
      code: body.code,
      message: body.message,
      status,
      correlationId: body.correlationId ?? null,
      details: body.details,
    });
  }
  return new ApiError({ code: CLIENT_ERROR.badResponse, message: fallbackMessage, status });
}

function networkMessage(): string {
  return acceptLanguage.startsWith('en') ? 'Cannot reach the server. Check your connection and try again.' : '无法连接服务器，请检查网络后重试。';
}

function badResponseMessage(status: number): string {
  return acceptLanguage.startsWith('en') ? `Unexpected server response (HTTP ${status}).` : `服务器返回异常（HTTP ${status}）。`;
}

/** The ApiError of a request that never reached the server. */
export function networkError(): ApiError {
  return new ApiError({ code: CLIENT_ERROR.network, message: networkMessage(), status: 0 });
}

/** The ApiError of an answer that is no catalogue error (an HTML error page, bad JSON). */
export function badResponse(status: number): ApiError {
  return new ApiError({ code: CLIENT_ERROR.badResponse, message: badResponseMessage(status), status });
}

/** Sends one request and returns the parsed JSON body (undefined for 204). */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': acceptLanguage };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query, options.repeat), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw networkError();
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      throw badResponse(response.status);
    }
  }
  if (!response.ok) throw toApiError(response.status, parsed, badResponseMessage(response.status));
  return parsed as T;
}
