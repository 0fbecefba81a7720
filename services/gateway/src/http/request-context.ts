import type { Request } from "express";
import type { TokenPrincipal } from "../tokens/token-store";

/** What authentication attached to the request. */
export interface AuthedRequest extends Request {
  principal?: TokenPrincipal;
}

export function principalOf(req: Request): TokenPrincipal {
  const principal = (req as AuthedRequest).principal;
  if (!principal) throw new Error("route reached without authentication");
  return principal;
}
