'use client';
import * as React from 'react';
import { Check, Copy } from 'lucide-react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';

export function CopyButton({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = React.useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      toast.success('Copied');
      setTimeout(() => setCopied(false), 1500);
    } catch {
      toast.error('Copying was refused by the browser: select the text and copy it instead');
    }
  }
  return (
    <Button type="button" variant="outline" size="icon" onClick={copy} aria-label={label} title={label}>
      {copied ? <Check /> : <Copy />}
    </Button>
  );
}
