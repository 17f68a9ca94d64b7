import type { ShellUser } from './shell-user';

/** A round badge with the user's initial. */
export function UserAvatar({ user }: { user: ShellUser }) {
  const initial = (user.name?.trim() || user.email).charAt(0).toUpperCase();
  return (
    <span
      aria-hidden="true"
      className="flex size-8 items-center justify-center rounded-full bg-indigo-600 text-sm font-semibold text-white"
    >
      {initial}
    </span>
  );
}
