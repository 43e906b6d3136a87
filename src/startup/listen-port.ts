import { createServer } from 'node:net';

/** A listen error about one of the service's ports, said in terms of its setting; other errors unchanged. */
export function portError(error: unknown, port: number, setting = 'PORT'): Error {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') {
    return new Error(
      `${setting}: port ${port} is already in use (another instance of the service, or another program): stop it or choose another port with ${setting}`,
    );
  }
  if (code === 'EACCES') {
    return new Error(`${setting}: port ${port} may not be opened by this user (ports below 1024 need privileges): choose another port with ${setting}`);
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** Checks that the service can listen on `port` (as it will: every interface), before anything else starts. */
export async function assertPortAvailable(port: number, setting = 'PORT'): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error) => reject(portError(error, port, setting)));
    probe.listen(port, () => probe.close(() => resolve()));
  });
}
