'use client';

import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';

/** "I have saved these codes": shows the page's new state once the codes are put away. */
export function RefreshButton({ label }: { label: string }) {
  const router = useRouter();
  return <Button onClick={() => router.refresh()}>{label}</Button>;
}
