import type { ChildProcess } from 'node:child_process';

/**
 * Resolves when `child` has exited, including when it already has: `once('exit')` alone waits forever if
 * the event fired before the listener was attached (a killed server often exits before its clients notice).
 */
export function childExit(child: ChildProcess): Promise<void> {
  if (hasExited(child)) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** A child killed by a signal has `exitCode` null and `signalCode` set. */
export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}
