// The test workers' side of the sandbox broker: send a session, get its response. Nothing heavy is loaded here.
import { connect } from 'node:net';
import type { SessionRequest, SessionResponse } from './bundle-and-run.js';
import { decodeNumbers, encodeNumbers } from './sandbox-protocol.js';

/** Asks the broker at `socketPath` to bundle and run a session. */
export function runThroughBroker(socketPath: string, request: SessionRequest): Promise<SessionResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(socketPath);
    let output = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (output += chunk));
    socket.on('end', () => {
      try {
        resolve(JSON.parse(output, decodeNumbers) as SessionResponse);
      } catch (error) {
        reject(error);
      }
    });
    socket.on('error', reject);
    socket.write(`${JSON.stringify(request, encodeNumbers)}\n`);
  });
}
