export { connectDb, ensureDatabase, dropDatabase, type DbHandle } from "./connect";
export { migrateSchema, MigrationError } from "./migrate";
export { enqueueEvent, enqueueEvents, OutboxRelay, type OutboxTable, type OutboxDatabase } from "./outbox";
export { claimEvent, type ProcessedEventTable, type InboxDatabase } from "./inbox";
export { RepeatingPass } from "./repeating-pass";
