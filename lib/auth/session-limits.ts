/** How long a session lives, from SESSION_IDLE_HOURS and SESSION_MAX_DAYS (see .env.example). */
export function sessionLimits(): { idleMs: number; absoluteMs: number } {
  const idleHours = Number(process.env.SESSION_IDLE_HOURS) || 12;
  const maxDays = Number(process.env.SESSION_MAX_DAYS) || 14;
  return { idleMs: idleHours * 3_600_000, absoluteMs: maxDays * 86_400_000 };
}
