// Keeps sandboxed processes started ahead of time in the grading process and runs each suite's session there,
// over a local socket: Node.js boots while vitest starts, and test workers never load esbuild.
import { rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleAndRun, type SessionRequest } from './bundle-and-run.js';
import { openSandbox, type Sandbox } from './run-sandboxed.js';
import { decodeNumbers, encodeNumbers } from './sandbox-protocol.js';


export interface Broker {
  socketPath: string;
  close(): Promise<void>;
}

/** Serves sandbox runs, keeping `spares` processes booted and waiting. */
export async function startBroker(spares: number): Promise<Broker> {
  const socketPath = join(tmpdir(), `optimizers-grader-${process.pid}-${Date.now()}.sock`);
  const ready: Array<Promise<Sandbox>> = [];
  const refill = () => {
    while (ready.length < spares) ready.push(openSandbox());
  };
  refill();
  const take = (): Promise<Sandbox> => {
    const sandbox = ready.shift() ?? openSandbox();
    refill();
    return sandbox;
  };

  const serve = (socket: Socket) => {
    let input = '';
    socket.setEncoding('utf8');
    socket.on('data', async (chunk: string) => {
      input += chunk;
      const newline = input.indexOf('\n');
      if (newline === -1) return;
      const request = JSON.parse(input.slice(0, newline), decodeNumbers) as SessionRequest;
      const response = await bundleAndRun(request, take());
      socket.end(`${JSON.stringify(response, encodeNumbers)}\n`);
    });
    socket.on('error', () => {});
  };
  const server: Server = createServer(serve);
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return {
    socketPath,
    async close() {
      server.close();
      rmSync(socketPath, { force: true });
      await Promise.all(ready.splice(0).map(async (sandbox) => (await sandbox).dispose()));
    },
  };
}
