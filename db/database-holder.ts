import type { DatabaseHandle } from './database';

// The one database handle of the process, kept on globalThis: Next bundles instrumentation,
// routes and the proxy separately, and two PGlite instances on one folder would corrupt it.
// This file imports no driver, so the proxy can look at the handle without bundling one.
const processWide = globalThis as typeof globalThis & {
  gatehouseDatabase?: Promise<DatabaseHandle>;
};

/** The handle opened so far, if any (the server opens it at start, before serving). */
export function heldDatabase(): Promise<DatabaseHandle> | undefined {
  return processWide.gatehouseDatabase;
}

/** Keeps `opening` as the process's handle; a failed opening is forgotten, to be tried again. */
export function holdDatabase(opening: Promise<DatabaseHandle>): Promise<DatabaseHandle> {
  processWide.gatehouseDatabase = opening.catch((error: unknown) => {
    processWide.gatehouseDatabase = undefined;
    throw error;
  });
  return processWide.gatehouseDatabase;
}
