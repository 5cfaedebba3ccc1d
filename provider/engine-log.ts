/**
 * Messages for the person running `pulumi preview`, `up` or `refresh`, shown in the command's
 * Diagnostics. A dynamic provider has no `pulumi.log` of its own: its process is not connected
 * to the engine, only started with the engine's address as its first argument. This sends the
 * engine's Log call to that address directly; if that fails the message goes to stderr.
 */
type Severity = "info" | "warning";

let client: { log(request: unknown, done: (error: unknown) => void): void } | undefined;

export function tellUser(severity: Severity, message: string, urn = ""): Promise<void> {
  return new Promise((resolve) => {
    try {
      /* eslint-disable @typescript-eslint/no-require-imports */
      const grpc = require("@grpc/grpc-js");
      const engineRpc = require("@pulumi/pulumi/proto/engine_grpc_pb");
      const engineProto = require("@pulumi/pulumi/proto/engine_pb");
      /* eslint-enable @typescript-eslint/no-require-imports */
      const address = process.argv[2];
      if (!address) throw new Error("no engine address");
      client ??= new engineRpc.EngineClient(address, grpc.credentials.createInsecure());

      const request = new engineProto.LogRequest();
      request.setSeverity(
        severity === "warning" ? engineProto.LogSeverity.WARNING : engineProto.LogSeverity.INFO,
      );
      request.setMessage(message);
      request.setUrn(urn);
      client!.log(request, (error) => {
        if (error) console.error(`${severity}: ${message}`);
        resolve();
      });
    } catch {
      console.error(`${severity}: ${message}`);
      resolve();
    }
  });
}
