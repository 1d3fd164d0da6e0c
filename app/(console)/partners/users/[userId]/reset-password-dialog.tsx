'use client';
import * as React from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogFooter } from '@/components/ui/dialog';
import { resetPasswordAction } from '../actions';
import { CredentialSetup, type Setup } from '../credential-setup';
import { LinkDeliveryPanel } from '../link-delivery';
import type { LinkDelivery } from '@/lib/partners/email-password-link';

export function ResetPasswordDialog({
  user,
  open,
  onClose,
  emailLinks,
}: {
  user: { id: string; email: string };
  open: boolean;
  onClose: () => void;
  emailLinks: boolean;
}) {
  const [setup, setSetup] = React.useState<Setup>('link');
  const [password, setPassword] = React.useState('');
  const [error, setError] = React.useState<string | undefined>();
  const [link, setLink] = React.useState<{ path: string; expiresAt: Date; delivery: LinkDelivery | null } | null>(null);
  const [pending, start] = React.useTransition();

  const emailed = link?.delivery?.status === 'emailed';

  function close() {
    setSetup('link');
    setPassword('');
    setError(undefined);
    setLink(null);
    onClose();
  }

  return (
    <Dialog open={open} onOpenChange={(o) => !o && close()}>
      <DialogContent
        title={link ? (emailed ? 'Reset link sent' : 'Send the reset link') : `Reset the password of ${user.email}?`}
        description={
          link
            ? emailed
              ? 'Their old password no longer works. They choose a new one with the link in the email.'
              : 'Their old password no longer works.'
            : 'Their current password stops working and they are signed out everywhere.'
        }
      >
        {link ? (
          <>
            <LinkDeliveryPanel delivery={link.delivery} link={link} noun="reset link" />
            <DialogFooter>
              <Button onClick={close}>Done</Button>
            </DialogFooter>
          </>
        ) : (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              start(async () => {
                const res = await resetPasswordAction({ userId: user.id, setup, password: setup === 'password' ? password : undefined });
                if (!res.ok) return setError(res.fieldErrors?.password ?? res.error);
                if (res.data.link) setLink({ ...res.data.link, delivery: res.data.delivery });
                else {
                  toast.success(`Password of ${user.email} reset`);
                  close();
                }
              });
            }}
          >
            <CredentialSetup
              setup={setup}
              onSetup={setSetup}
              password={password}
              onPassword={setPassword}
              error={error}
              linkHint={emailLinks ? 'We send it to their inbox; it works once, for 24 hours.' : 'You get a link to send them; it works once, for 24 hours.'}
            />
            {error && setup === 'link' ? (
              <p role="alert" className="mt-2 text-sm text-destructive">
                {error}
              </p>
            ) : null}
            <DialogFooter>
              <Button type="button" variant="outline" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" variant="destructive" disabled={pending}>
                Reset password
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
