/**
 * The one error type of medcode. Every failure that a user can cause or fix carries a stable `code`,
 * a message that says what was wrong, where, and what to do, and optional structured details.
 * The CLI maps it to an exit code; the server to an HTTP problem+json body.
 */
export const ErrorCodes = {
  USAGE: { exit: 2, http: 400 },
  INVALID_INPUT: { exit: 2, http: 400 },
  RELEASE_FILE_UNRECOGNISED: { exit: 3, http: 422 },
  RELEASE_FILE_TRUNCATED: { exit: 3, http: 422 },
  RELEASE_FILE_MALFORMED: { exit: 3, http: 422 },
  RELEASE_FILE_MISMATCH: { exit: 3, http: 422 },
  RELEASE_FETCH_FAILED: { exit: 4, http: 502 },
  RELEASE_CHECKSUM_MISMATCH: { exit: 4, http: 502 },
  RELEASE_NOT_LOADED: { exit: 5, http: 404 },
  STORE_EMPTY: { exit: 5, http: 503 },
  STORE_UNAVAILABLE: { exit: 6, http: 503 },
  CODE_UNKNOWN: { exit: 7, http: 404 },
  CODE_NOT_VALID_ON_DATE: { exit: 7, http: 422 },
  SEARCH_QUERY_INVALID: { exit: 2, http: 400 },
  NOTE_INVALID: { exit: 2, http: 400 },
  ENCOUNTER_INVALID: { exit: 2, http: 400 },
  EDIT_FILE_INVALID: { exit: 3, http: 422 },
  INTERNAL: { exit: 70, http: 500 },
} as const;

export type ErrorCode = keyof typeof ErrorCodes;

/** Where in an input a problem sits: a file with its line or byte offset, or a field path. */
export interface ErrorLocation {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly byteOffset?: number;
  readonly field?: string;
}

export class MedcodeError extends Error {
  readonly code: ErrorCode;
  readonly location: ErrorLocation | undefined;
  readonly hint: string | undefined;
  readonly details: unknown;

  constructor(
    code: ErrorCode,
    message: string,
    options: { location?: ErrorLocation; hint?: string; details?: unknown; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'MedcodeError';
    this.code = code;
    this.location = options.location;
    this.hint = options.hint;
    this.details = options.details;
  }

  get exitCode(): number {
    return ErrorCodes[this.code].exit;
  }

  get httpStatus(): number {
    return ErrorCodes[this.code].http;
  }

  /** Message with its location and hint, as printed by the CLI. */
  describe(): string {
    const where = formatLocation(this.location);
    return [`${this.code}: ${this.message}`, where && `  at ${where}`, this.hint && `  ${this.hint}`]
      .filter(Boolean)
      .join('\n');
  }

  toJSON(): Record<string, unknown> {
    return {
      code: this.code,
      message: this.message,
      ...(this.location ? { location: this.location } : {}),
      ...(this.hint ? { hint: this.hint } : {}),
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }
}

export function formatLocation(loc: ErrorLocation | undefined): string {
  if (!loc) return '';
  const parts: string[] = [];
  if (loc.file) parts.push(loc.file);
  if (loc.line !== undefined)
    parts.push(`line ${loc.line}${loc.column === undefined ? '' : `:${loc.column}`}`);
  if (loc.byteOffset !== undefined) parts.push(`byte ${loc.byteOffset}`);
  if (loc.field) parts.push(`field ${loc.field}`);
  return parts.join(', ');
}

export function isMedcodeError(e: unknown): e is MedcodeError {
  return e instanceof MedcodeError;
}
