/**
 * Square's object versions look like epoch milliseconds (`1604352990016`) and only ever rise. A
 * client that assumes 1, 2, 3 or compares versions across objects would pass a naive fake and
 * fail in production, so every write takes the next tick of this clock: the current time in
 * milliseconds, or one more than the last version handed out when writes come faster than that.
 */
export class VersionClock {
  private last: number;

  constructor(last = 0) {
    this.last = last;
  }

  next(): number {
    this.last = Math.max(Date.now(), this.last + 1);
    return this.last;
  }

  /** The newest version handed out so far; persisted so versions keep rising after a restart. */
  latest(): number {
    return this.last;
  }
}
