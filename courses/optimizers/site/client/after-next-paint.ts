// Work that should not hold up a frame: run in a task of its own once the next frame has been painted, so a chart
// drawn just before it is on screen first.

/** Runs `work` in a task after the next frame has been painted; resolves with what it returns. */
export function afterNextPaint<T>(work: () => T): Promise<T> {
  return new Promise((resolve, reject) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        try {
          resolve(work());
        } catch (error) {
          reject(error);
        }
      };
      channel.port2.postMessage(null);
    }),
  );
}
