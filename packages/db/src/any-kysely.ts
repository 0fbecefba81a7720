import type { Kysely } from "kysely";

/** Kysely's database type is invariant, so helpers that touch one shared table take any service's Kysely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyKysely = Kysely<any>;
