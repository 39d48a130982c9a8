/**
 * The runtime-neutral HTTP shapes. The local server (node:http) and the API Lambda (API Gateway HTTP API) both
 * translate their requests into ApiRequest and write ApiResponse back; the route handlers know neither.
 */

/** Who the runtime already proved the caller to be (AWS: IAM or JWT authorizer claims). Never taken from headers. */
export interface ApiPrincipal {
  /** Stable identity recorded as the actor in the audit trail, e.g. an IAM ARN or a JWT `sub`. */
  readonly id: string;
  /** Claims or group names the runtime verified (JWT claims, `cognito:groups`, IAM tags). */
  readonly claims?: Readonly<Record<string, unknown>>;
}

/** One request as the API sees it. Header names are lower-case; `path` excludes the query string. */
export interface ApiRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string | undefined>>;
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** Parsed JSON, or the raw text/bytes of the body (the API parses JSON itself when given a string). */
  readonly body?: unknown;
  /** Set only by a runtime that authenticated the caller itself (AWS authorizers); optional, so adapters may omit it. */
  readonly principal?: ApiPrincipal;
}

/**
 * One response. Exactly one of `body` (serialised as JSON), `text` (sent as is), `bytes` (sent byte for byte:
 * raw mail) or `stream` (chunks written in order, for exports) is set; `headers` carry content type and security
 * headers.
 */
export interface ApiResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  readonly text?: string;
  readonly bytes?: Uint8Array;
  readonly stream?: AsyncIterable<string>;
}

/** The whole API as one function. */
export type ApiHandler = (request: ApiRequest) => Promise<ApiResponse>;
