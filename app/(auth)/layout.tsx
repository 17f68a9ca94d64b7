import type { ReactNode } from 'react';
import { GateIcon } from '@/components/ui/icons';
import { getHostName } from '@/lib/host/get-host-name';

/** Pages for signed-out visitors: one centred card under the host's name. */
export default async function AuthLayout({ children }: { children: ReactNode }) {
  const hostName = await getHostName();
  return (
    <div className="flex min-h-dvh flex-col items-center px-4 py-12 sm:py-20">
      <div className="mb-8 flex items-center gap-3">
        <span className="flex size-9 items-center justify-center rounded-lg bg-indigo-600 text-white shadow-xs">
          <GateIcon className="size-5" />
        </span>
        <span className="text-lg font-semibold tracking-tight text-slate-900">{hostName}</span>
      </div>
      <main className="w-full max-w-md rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        {children}
      </main>
    </div>
  );
}
