import { sessionLimitSettings } from '@/lib/env';
/** How long a session lives, from SESSION_IDLE_HOURS and SESSION_MAX_DAYS (see .env.example). */
export function sessionLimits(): { idleMs: number; absoluteMs: number } {
  const settings = sessionLimitSettings();
  const idleHours = Number(settings.idleHours) || 12;
  const maxDays = Number(settings.maxDays) || 14;
  return { idleMs: idleHours * 3_600_000, absoluteMs: maxDays * 86_400_000 };
}
