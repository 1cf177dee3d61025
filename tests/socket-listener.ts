// A Unix socket for attacks to try to reach (tests/adversarial/sandbox/console-streams.ts): it counts each connection
// it is given and closes it, so a test can say that nothing in a sandbox got through.
import { chmodSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';

/**
 * Listens at `path`, calling `reached` for each connection. Any user may connect, as to the system's D-Bus socket:
 * a sandbox with a uid of its own must be kept away by the grader, not by the file's mode.
 */
export async function listenOn(path: string, reached: () => void): Promise<Server> {
  rmSync(path, { force: true });
  const server = createServer((socket) => {
    reached();
    socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, resolve);
  });
  chmodSync(path, 0o666);
  return server;
}
