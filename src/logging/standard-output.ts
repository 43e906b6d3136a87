import { fstatSync } from 'node:fs';
import { Socket } from 'node:net';
import { pino, type DestinationStream } from 'pino';

/** Log lines waiting for a slow reader, at most; beyond, new lines are dropped (and counted). */
const MAX_PENDING_BYTES = 8 * 1024 * 1024;

/** Where log lines go: standard output, written so that logging never stops the process. */
export interface LogOutput extends DestinationStream {
  /** Lines dropped because standard output did not take them (a full pipe nobody reads, a closed one). */
  readonly dropped: number;
  /** Resolves once every pending line is written, or after `ms` at most. */
  flush(ms: number): Promise<void>;
}

/**
 * Standard output for log lines. A pipe or socket (containers, `| tee`, a log shipper) is written asynchronously
 * through a non-blocking socket: when its reader stops reading, lines wait in memory up to 8 MB and later ones are
 * dropped, so requests, SIGTERM and exit never wait for the reader (pino's own destination retries a full pipe
 * forever on exit). A file, a terminal or /dev/null is written synchronously, as pino does (those do not stall).
 */
export function standardOutput(): LogOutput {
  output ??= createOutput();
  return output;
}

let output: LogOutput | undefined;

function createOutput(): LogOutput {
  let kind: 'stream' | 'direct' | 'closed';
  try {
    const stat = fstatSync(1);
    kind = stat.isFIFO() || stat.isSocket() ? 'stream' : 'direct';
  } catch {
    kind = 'closed';
  }
  if (kind === 'direct') {
    const direct = pino.destination({ dest: 1, sync: true });
    return { write: (line: string) => direct.write(line), dropped: 0, flush: async () => undefined };
  }
  return new NonBlockingOutput(kind === 'stream' ? openSocket() : null);
}

function openSocket(): Socket | null {
  try {
    const socket = new Socket({ fd: 1, readable: false, writable: true });
    // Never keeps the process alive by itself (a command ends when its work is done).
    socket.unref();
    return socket;
  } catch {
    return null;
  }
}

class NonBlockingOutput implements LogOutput {
  dropped = 0;

  constructor(private socket: Socket | null) {
    // EPIPE (the reader is gone) and the like: stop writing, keep running. The descriptor is never closed here.
    socket?.on('error', () => (this.socket = null));
  }

  write(line: string): void {
    if (!this.socket || this.socket.writableLength > MAX_PENDING_BYTES) {
      this.dropped++;
      return;
    }
    this.socket.write(line);
  }

  async flush(ms: number): Promise<void> {
    const deadline = Date.now() + ms;
    while (this.socket && this.socket.writableLength > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
