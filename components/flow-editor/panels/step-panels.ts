import type { ComponentType } from 'react';
import type { StepType } from '@/lib/automation/steps/step-definitions';
import { BranchPanel } from './branch-panel';
import { ChatAppsMessagePanel } from './chat-apps-message-panel';
import { HttpRequestPanel } from './http-request-panel';
import { IfPanel } from './if-panel';
import { JumpToPanel } from './jump-to-panel';
import type { PanelProps } from './panel-kit';
import { SendToConversePanel } from './send-to-converse-panel';
import { SmsPanel } from './sms-panel';
import { VoiceMessagePanel } from './voice-message-panel';
import { WaitForDtmfPanel } from './wait-for-dtmf-panel';
import { WaitForReplyPanel } from './wait-for-reply-panel';
import { WaitPanel } from './wait-panel';

// The properties form of each step type (Typebot's block settings panel). Exhaustive: a new step type
// does not compile until it has one.
export const STEP_PANELS: Record<StepType, ComponentType<PanelProps>> = {
  SMS: SmsPanel,
  ChatAppsMessage: ChatAppsMessagePanel,
  HttpRequest: HttpRequestPanel,
  Wait: WaitPanel,
  If: IfPanel,
  Branch: BranchPanel,
  WaitForReply: WaitForReplyPanel,
  VoiceMessage: VoiceMessagePanel,
  WaitForDTMF: WaitForDtmfPanel,
  JumpTo: JumpToPanel,
  SendToConverse: SendToConversePanel,
};
