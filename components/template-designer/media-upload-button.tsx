'use client';
import * as React from 'react';
import { Upload } from 'lucide-react';
import { Button } from '@/components/ui/button';

const ACCEPT: Record<string, string> = {
  IMAGE: 'image/jpeg,image/png,image/webp',
  VIDEO: 'video/mp4,video/3gpp',
  DOCUMENT: 'application/pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.txt',
};

export type UploadMedia = (form: FormData) => Promise<{ ok: true; data: { url: string } } | { ok: false; error: string; fieldErrors?: Record<string, string> }>;

/**
 * The template's channel, so uploads land in the subaccount that owns it, and the server action that
 * stores the file (given by the page: components never import app/).
 */
export const MediaUpload = React.createContext<{ channelId?: string; upload: UploadMedia } | null>(null);

/** "Upload" beside a header's sample URL: stores the file and hands back its public URL. */
export function MediaUploadButton({ id, format, onUploaded }: { id: string; format: 'IMAGE' | 'VIDEO' | 'DOCUMENT'; onUploaded: (url: string) => void }) {
  const media = React.useContext(MediaUpload);
  const input = React.useRef<HTMLInputElement>(null);
  const [pending, start] = React.useTransition();
  const [error, setError] = React.useState<string | null>(null);

  function upload(file: File) {
    setError(null);
    start(async () => {
      const form = new FormData();
      form.set('file', file);
      if (media?.channelId) form.set('channelId', media.channelId);
      try {
        if (!media) throw new Error('no upload action');
        const res = await media.upload(form);
        if (res.ok) onUploaded(res.data.url);
        else setError(res.fieldErrors?.file ?? res.error);
      } catch {
        setError('The upload did not reach the server; please try again.');
      }
    });
  }

  return (
    <>
      <input
        ref={input}
        id={`${id}-file`}
        type="file"
        accept={ACCEPT[format]}
        className="sr-only"
        tabIndex={-1}
        aria-label={`Upload a sample ${format.toLowerCase()}`}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) upload(file);
        }}
      />
      <Button type="button" variant="outline" disabled={pending} onClick={() => input.current?.click()} data-testid={`${id}-upload`}>
        <Upload aria-hidden />
        {pending ? 'Uploading…' : 'Upload'}
      </Button>
      {error && (
        <p role="alert" className="basis-full text-xs text-destructive" data-testid={`${id}-upload-error`}>
          {error}
        </p>
      )}
    </>
  );
}
