/**
 * What an event handler decided. The consumer maps each mechanically:
 * ok → ack, retry → nak with delay (dead-lettered once tries run out), give_up → dead letter + term.
 */
export type HandlerOutcome =
  | { kind: "ok" }
  | { kind: "retry"; reason: string; delayMs?: number }
  | { kind: "give_up"; reason: string };

export const ok = (): HandlerOutcome => ({ kind: "ok" });
export const retryLater = (reason: string, delayMs?: number): HandlerOutcome => ({ kind: "retry", reason, ...(delayMs !== undefined ? { delayMs } : {}) });
export const giveUp = (reason: string): HandlerOutcome => ({ kind: "give_up", reason });
