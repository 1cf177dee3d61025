// Keeps sandboxed processes started ahead of time in the grading process and lends one to each suite over a
// local socket: Node.js boots while vitest is still starting, so no suite waits for a sandbox to boot.
import { rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSandbox, type Sandbox, type SandboxOutcome } from './run-sandboxed.js';
import { decodeNumbers, encodeNumbers, type SandboxRequest } from './sandbox-protocol.js';

export interface BrokerRequest {
  request: SandboxRequest;
  timeLimitMs: number;
}

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
      const { request, timeLimitMs } = JSON.parse(input.slice(0, newline)) as BrokerRequest;
      const outcome = await (await take()).run(request, timeLimitMs);
      socket.end(`${JSON.stringify(outcome, encodeNumbers)}\n`);
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

/** Asks the broker at `socketPath` to run a request. */
export function runThroughBroker(socketPath: string, brokerRequest: BrokerRequest): Promise<SandboxOutcome> {
  return new Promise((resolve, reject) => {
    import('node:net').then(({ connect }) => {
      const socket = connect(socketPath);
      let output = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (output += chunk));
      socket.on('end', () => {
        try {
          resolve(JSON.parse(output, decodeNumbers) as SandboxOutcome);
        } catch (error) {
          reject(error);
        }
      });
      socket.on('error', reject);
      socket.write(`${JSON.stringify(brokerRequest, encodeNumbers)}\n`);
    }, reject);
  });
}
