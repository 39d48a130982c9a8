import type { ChildProcess } from 'node:child_process';

/**
 * Resolves when `child` has exited, including when it already has: `once('exit')` alone waits forever if
 * the event fired before the listener was attached (a killed server often exits before its clients notice).
 * With `timeoutMs`, rejects when the child is still running by then (a shutdown that hangs fails loudly
 * instead of running into the test's timeout with no word on what it was waiting for).
 */
export function childExit(child: ChildProcess, timeoutMs?: number): Promise<void> {
  if (hasExited(child)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            child.off('exit', onExit);
            reject(new Error(`process ${child.pid} did not exit within ${timeoutMs} ms`));
          }, timeoutMs);
    const onExit = () => {
      clearTimeout(timer);
      resolve();
    };
    child.once('exit', onExit);
  });
}

/** A child killed by a signal has `exitCode` null and `signalCode` set. */
export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}
