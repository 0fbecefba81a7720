import type { ErrorCode, FieldIssue, ServiceErrorBody } from "@mcb/contracts";

/**
 * An expected failure with a stable code. Thrown by handlers, carried across request/reply as
 * `{ ok: false, error }`, and mapped to an HTTP status in one place by the gateway.
 */
export class ServiceError extends Error {
  override readonly name = "ServiceError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: { fields?: FieldIssue[]; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
  }

  get fields(): FieldIssue[] | undefined {
    return this.options.fields;
  }

  toBody(): ServiceErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.options.fields ? { fields: this.options.fields } : {}),
      ...(this.options.details ? { details: this.options.details } : {}),
    };
  }

  static fromBody(body: ServiceErrorBody): ServiceError {
    return new ServiceError(body.code, body.message, {
      ...(body.fields ? { fields: body.fields } : {}),
      ...(body.details ? { details: body.details } : {}),
    });
  }
}
