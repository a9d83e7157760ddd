// Typed errors with stable codes; one handler (error-handler.ts) turns them into
// `{error:{code,message,details}}` in the request's language.

export type MessageParams = Record<string, string | number>;

export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    readonly params: MessageParams = {},
    readonly details?: unknown,
  ) {
    super(code);
    this.name = 'AppError';
  }
}

/** One invalid field, for errors found by services rather than schemas. */
export type FieldIssue = { path: string; key: string; params?: MessageParams };

export class ValidationError extends AppError {
  constructor(readonly issues: FieldIssue[]) {
    super(400, 'validation');
  }
}

export class NotFoundError extends AppError {
  constructor(entity: string, id?: string) {
    super(404, 'not_found', { entity }, id ? { entity, id } : { entity });
  }
}

export class ConflictError extends AppError {
  constructor(code: string, params: MessageParams = {}, details?: unknown) {
    super(409, code, params, details);
  }
}

/** A rule refused the request (422). */
export class RuleError extends AppError {
  constructor(code: string, params: MessageParams = {}, details?: unknown) {
    super(422, code, params, details);
  }
}

/** An id in the body that names nothing in this zone (another zone's, or none at all). */
export function crossZoneReference(field: string): RuleError {
  return new RuleError('rule.cross_zone_reference', { field }, { field });
}

export class ForbiddenError extends AppError {
  constructor(code = 'forbidden') {
    super(403, code);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(code = 'unauthenticated', params: MessageParams = {}) {
    super(401, code, params);
  }
}

export function assertNever(x: never): never {
  throw new Error(`unexpected value ${String(x)}`);
}
