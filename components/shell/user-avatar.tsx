import { UserIcon } from '@/components/ui/icons';
import type { ShellUser } from './shell-user';

/** A round badge with the user's initial, or a person outline when nobody is signed in. */
export function UserAvatar({ user }: { user: ShellUser | null }) {
  if (!user) {
    return (
      <span className="flex size-8 items-center justify-center rounded-full bg-slate-100 text-slate-600">
        <UserIcon className="size-4.5" />
      </span>
    );
  }
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
