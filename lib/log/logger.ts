import { logSettings } from '@/lib/env';
import { createLogger, requestContext } from './create-logger.mjs';

/**
 * The app's logger: one JSON line per event (or pretty lines at a terminal), each with the
 * time, the level and, during a request, its id, route and the signed-in user's id. Never
 * pass it a secret, token or password: log what happened and to which id.
 */
export const log = createLogger(logSettings());

/** Names the signed-in user in every later line of this request (and its access line). */
export function noteActor(userId: string): void {
  const request = requestContext().getStore();
  if (request) request.actorId = userId;
}
