import Link from 'next/link';
import { ShieldAlert } from 'lucide-react';
import { Button } from '@/components/ui/button';

export default function Forbidden() {
  return (
    <div className="flex min-h-[60vh] flex-col items-center justify-center gap-3 px-6 text-center">
      <ShieldAlert className="size-10 text-muted-foreground" />
      <h1 className="text-lg font-semibold">403 — You don&apos;t have access to this page</h1>
      <p className="max-w-md text-sm text-muted-foreground">
        Your role does not include the permission this page needs. Ask a partner admin if you think you should have it.
      </p>
      <Button asChild variant="outline">
        <Link href="/">Go to your start page</Link>
      </Button>
    </div>
  );
}
