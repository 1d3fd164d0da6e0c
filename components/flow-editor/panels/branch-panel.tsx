'use client';

import type { PanelProps } from './panel-kit';

export function BranchPanel(_props: PanelProps) {
  return <p className="text-sm text-muted-foreground">The first path whose condition is true is taken, in order. An “otherwise” path is taken when none is.</p>;
}
