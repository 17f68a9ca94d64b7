// Next.js calls register() once per server process before it serves requests.
export async function register(): Promise<void> {
  // eslint-disable-next-line no-restricted-properties -- Next inlines NEXT_RUNTIME when it builds
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startServer } = await import('./lib/startup/start-server');
  await startServer();
}
