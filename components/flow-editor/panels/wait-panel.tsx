'use client';

import { DurationField } from '../fields/duration-field';
import { useInputs, type PanelProps } from './panel-kit';

export function WaitPanel(props: PanelProps) {
  const { str, set } = useInputs(props);
  return (
    <DurationField
      id={`${props.node.id}-duration`}
      label="Duration"
      value={str('duration')}
      onChange={(v) => set(['duration'], v ?? '00:00:00')}
      help="How long to wait before the next step"
    />
  );
}
