/**
 * Subjects and stream names under an optional namespace. Production runs with no prefix, so
 * subjects are exactly ARCHITECTURE §3's; each test run picks its own prefix to stay isolated.
 */
export class BusNames {
  constructor(readonly prefix: string | undefined) {}

  subject(subject: string): string {
    return this.prefix ? `${this.prefix}.${subject}` : subject;
  }

  /** Removes the namespace from a subject seen on the wire. */
  unprefix(subject: string): string {
    return this.prefix && subject.startsWith(`${this.prefix}.`) ? subject.slice(this.prefix.length + 1) : subject;
  }

  stream(stream: string): string {
    return this.prefix ? `${this.prefix.toUpperCase().replace(/-/g, "_")}_${stream}` : stream;
  }

  /** Queue groups are namespaced too, so a test's services never steal a neighbour's requests. */
  queue(service: string): string {
    return this.prefix ? `${this.prefix}-${service}` : service;
  }
}
