import type { NextFunction, Request, Response } from "express";
import { ServiceError } from "@mcb/bus";
import { problem, sendProblem } from "../problem";

/** Ids in paths are short tokens; anything else cannot name a stored thing, so it is not found. */
const ID_PARAM = /^[A-Za-z0-9_-]{1,100}$/;

export class NulByteError extends Error {}

/**
 * Postgres text cannot hold NUL, so a NUL anywhere in the input would fail deep inside a service:
 * refuse it at the edge, in the URL (400) and in any JSON string or key (400).
 */
export function refuseNulInUrl(req: Request, res: Response, next: NextFunction) {
  if (/%00/i.test(req.url) || req.url.includes("\u0000")) {
    sendProblem(res, { ...problem("VALIDATION_FAILED", "the URL contains a NUL character", { instance: req.originalUrl.replace(/%00/gi, "") }), status: 400 });
    return;
  }
  next();
}
export const refuseNulInJson = (key: string, value: unknown) => {
  if (key.includes("\u0000") || (typeof value === "string" && value.includes("\u0000"))) throw new NulByteError("NUL character in the body");
  return value;
};

export function idParamGuard(_req: Request, _res: Response, next: NextFunction, id: string): void {
  next(ID_PARAM.test(id) ? undefined : new ServiceError("NOT_FOUND", "no such resource"));
}
