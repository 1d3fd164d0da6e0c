import {
  ArrowRightLeft,
  CornerDownRight,
  GitBranch,
  Globe,
  Hourglass,
  Keyboard,
  MessageCircle,
  MessageSquareText,
  MessagesSquare,
  Phone,
  Split,
  Timer,
  Webhook,
  Zap,
  type LucideIcon,
} from 'lucide-react';
import type { StepType } from '@/lib/automation/steps/step-definitions';

// Exhaustive per step type, so a new type does not compile until it has an icon and an accent. The
// palette lists each category's steps in the order of STEP_ICONS (the most used first).

export const STEP_ICONS: Record<StepType | 'Unknown', LucideIcon> = {
  ChatAppsMessage: MessageCircle,
  SMS: MessageSquareText,
  WaitForReply: Hourglass,
  Branch: GitBranch,
  If: Split,
  Wait: Timer,
  HttpRequest: Globe,
  JumpTo: CornerDownRight,
  SendToConverse: MessagesSquare,
  VoiceMessage: Phone,
  WaitForDTMF: Keyboard,
  Unknown: ArrowRightLeft,
};

export const TRIGGER_ICONS: Record<string, LucideIcon> = {
  inbound_chat_apps: MessageCircle,
  inbound_sms: MessageSquareText,
  http_request: Webhook,
  default: Zap,
};

/** Accent per category, as a Tailwind text/bg pair. */
export const STEP_ACCENT: Record<StepType | 'Unknown', string> = {
  ChatAppsMessage: 'bg-emerald-500/15 text-emerald-700 dark:text-emerald-300',
  SMS: 'bg-emerald-500/15 text-emerald-700 dark:text-emerald-300',
  WaitForReply: 'bg-amber-500/15 text-amber-700 dark:text-amber-300',
  Wait: 'bg-amber-500/15 text-amber-700 dark:text-amber-300',
  Branch: 'bg-violet-500/15 text-violet-700 dark:text-violet-300',
  If: 'bg-violet-500/15 text-violet-700 dark:text-violet-300',
  JumpTo: 'bg-violet-500/15 text-violet-700 dark:text-violet-300',
  HttpRequest: 'bg-sky-500/15 text-sky-700 dark:text-sky-300',
  SendToConverse: 'bg-sky-500/15 text-sky-700 dark:text-sky-300',
  VoiceMessage: 'bg-rose-500/15 text-rose-700 dark:text-rose-300',
  WaitForDTMF: 'bg-rose-500/15 text-rose-700 dark:text-rose-300',
  Unknown: 'bg-muted text-muted-foreground',
};
