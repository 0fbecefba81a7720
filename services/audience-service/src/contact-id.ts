import { randomBytes } from "node:crypto";

/** "ct_" and 20 random hex digits (80 bits): unguessable, and never reused across tenants. */
export function newContactId(): string {
  return `ct_${randomBytes(10).toString("hex")}`;
}
