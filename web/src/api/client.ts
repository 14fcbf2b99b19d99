// How the browser's calls fail: an error answer becomes ApiError with the
// server's catalogue code and localized message (docs/api-foundation.md). The
// calls themselves go through the typed client (http.ts).

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
