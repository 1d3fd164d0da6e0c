import type { StepType } from '@/lib/automation/definition/step-types';
import type { Executor } from '@/lib/automation/runner/types';
import { smsStep } from './sms';
import { chatAppsMessageStep } from './chat-apps-message';
import { httpRequestStep } from './http-request';
import { waitStep } from './wait';
import { ifStep } from './if';
import { branchStep } from './branch';
import { jumpToStep } from './jump-to';
import { waitForReplyStep } from './wait-for-reply';
import { voiceMessageStep } from './voice-message';
import { waitForDtmfStep } from './wait-for-dtmf';
import { sendToConverseStep } from './send-to-converse';

// Exhaustive: adding a step type without an executor does not compile.
export const EXECUTORS: Record<StepType, Executor> = {
  SMS: smsStep,
  ChatAppsMessage: chatAppsMessageStep,
  HttpRequest: httpRequestStep,
  Wait: waitStep,
  If: ifStep,
  Branch: branchStep,
  WaitForReply: waitForReplyStep,
  VoiceMessage: voiceMessageStep,
  WaitForDTMF: waitForDtmfStep,
  JumpTo: jumpToStep,
  SendToConverse: sendToConverseStep,
};
