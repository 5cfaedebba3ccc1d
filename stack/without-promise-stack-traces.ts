/**
 * Runs `declare` with V8's stack traces switched off.
 *
 * For each property of each resource, Pulumi's SDK creates promises and stores a stack trace on
 * every one of them, only to print it if the promise leaks. Under ts-node each trace is also
 * mapped back to TypeScript lines, so at 1,000 items these traces took 5 of a 13-second
 * preview. The resource's own source position is not affected: Pulumi lifts the limit while it
 * takes that one. An error thrown while declaring has a message but no stack.
 */
export function withoutPromiseStackTraces<T>(declare: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return declare();
  } finally {
    Error.stackTraceLimit = limit;
  }
}
