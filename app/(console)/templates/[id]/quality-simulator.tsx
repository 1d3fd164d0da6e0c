'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { qualityEventAction } from '../actions';

/** Sandbox only: quality ratings normally come from WhatsApp; here they can be played to try PAUSED/DISABLED. */
export function QualitySimulator({ id }: { id: string }) {
  const router = useRouter();
  const [pending, start] = React.useTransition();
  return (
    <Card>
      <CardHeader>
        <CardTitle>Sandbox: quality rating</CardTitle>
        <CardDescription>Play a rating change from WhatsApp. A red rating pauses an approved template; a second one disables it.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-wrap gap-2">
        {(['GREEN', 'YELLOW', 'RED'] as const).map((q) => (
          <Button
            key={q}
            variant="outline"
            size="sm"
            disabled={pending}
            onClick={() =>
              start(async () => {
                const res = await qualityEventAction({ id, quality: q });
                if (!res.ok) toast.error(res.error);
                else toast.success(`Quality ${q}: template is ${res.data.status}`);
                router.refresh();
              })
            }
          >
            <span className={`size-2 rounded-full ${q === 'GREEN' ? 'bg-green-500' : q === 'YELLOW' ? 'bg-amber-400' : 'bg-red-500'}`} aria-hidden />
            {q[0] + q.slice(1).toLowerCase()}
          </Button>
        ))}
      </CardContent>
    </Card>
  );
}
