'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { deleteTemplateAction } from '../actions';

export function DeleteTemplateDialog({
  open,
  onOpenChange,
  id,
  name,
  description,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  id: string;
  name: string;
  description: string;
}) {
  const router = useRouter();
  const [pending, start] = React.useTransition();
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Delete ${name}?`}
      description={description}
      confirmLabel="Delete template"
      confirmTestId="confirm-delete"
      pending={pending}
      onConfirm={() =>
        start(async () => {
          const res = await deleteTemplateAction({ id });
          if (!res.ok) return void toast.error(res.error);
          toast.success(`Deleted “${name}”`);
          router.push('/templates');
        })
      }
    />
  );
}
