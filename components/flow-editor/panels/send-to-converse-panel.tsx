'use client';

import type { PanelProps } from './panel-kit';

export function SendToConversePanel(_props: PanelProps) {
  return (
    <p className="text-sm text-muted-foreground">
      Hands the conversation to Converse: a live agent takes over, and the customer’s next messages go to the agent inbox instead of starting workflows.
    </p>
  );
}
