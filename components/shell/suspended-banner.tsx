import { OctagonPause } from 'lucide-react';

/** Shown on every console page while the current account is suspended. */
export function SuspendedBanner({ accountName }: { accountName: string }) {
  return (
    <div
      role="status"
      data-testid="suspended-banner"
      className="mb-6 flex items-start gap-3 rounded-[var(--radius)] border border-destructive/40 bg-destructive/5 px-4 py-3 text-sm text-destructive"
    >
      <OctagonPause className="mt-0.5 size-4 shrink-0" />
      <p>
        <span className="font-semibold">{accountName} is suspended.</span> Its API keys are refused and nothing it sends goes out until a partner admin resumes
        it under Partners → Accounts.
      </p>
    </div>
  );
}
