'use client';
import * as React from 'react';

export type UploadState = {
  status: 'idle' | 'uploading' | 'done' | 'error';
  loaded: number;
  total: number;
  fileId: string | null;
  error: string | null;
};

const IDLE: UploadState = { status: 'idle', loaded: 0, total: 0, fileId: null, error: null };

/**
 * Sends the raw file to the server while the browser is still reading it, with progress. XHR rather
 * than fetch: only XHR reports upload progress. The body is the file itself (no multipart), so the
 * server streams it to storage without buffering.
 */
export function useFileUpload(url: string) {
  const [state, setState] = React.useState<UploadState>(IDLE);
  const xhr = React.useRef<XMLHttpRequest | null>(null);
  // Resolves with the file id once the upload in flight is stored (the Review button waits on it).
  const done = React.useRef<Promise<string> | null>(null);

  const cancel = React.useCallback(() => {
    xhr.current?.abort();
    xhr.current = null;
    done.current = null;
    setState(IDLE);
  }, []);

  const start = React.useCallback(
    (file: File) => {
      xhr.current?.abort();
      const req = new XMLHttpRequest();
      xhr.current = req;
      setState({ status: 'uploading', loaded: 0, total: file.size, fileId: null, error: null });
      done.current = new Promise<string>((resolve, reject) => {
        const fail = (error: string) => {
          if (xhr.current !== req) return;
          setState((s) => ({ ...s, status: 'error', error }));
          reject(new Error(error));
        };
        req.upload.onprogress = (e) => {
          if (xhr.current === req) setState((s) => ({ ...s, loaded: e.loaded, total: e.lengthComputable ? e.total : file.size }));
        };
        req.onload = () => {
          let body: { fileId?: string; error?: string } = {};
          try {
            body = JSON.parse(req.responseText);
          } catch {
            // The answer was not ours (a proxy's error page): say what happened in general terms.
          }
          if (req.status >= 200 && req.status < 300 && body.fileId) {
            if (xhr.current !== req) return;
            setState({ status: 'done', loaded: file.size, total: file.size, fileId: body.fileId, error: null });
            resolve(body.fileId);
          } else fail(body.error ?? `The upload failed (HTTP ${req.status}). Try again.`);
        };
        req.onerror = () => fail('The upload was interrupted. Check your connection and try again.');
        req.onabort = () => reject(new Error('The upload was cancelled'));
      });
      // A cancelled or failed upload is reported through the state; nobody may be awaiting it.
      done.current.catch(() => undefined);
      req.open('POST', url);
      req.setRequestHeader('Content-Type', 'text/csv');
      req.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
      req.send(file);
    },
    [url],
  );

  /** The stored file's id: at once when the upload is done, else when it finishes. */
  const whenDone = React.useCallback(() => done.current ?? Promise.reject(new Error('No file is being uploaded')), []);

  React.useEffect(() => () => xhr.current?.abort(), []);
  return { upload: state, start, cancel, whenDone };
}
