import type { ChannelProvider } from '@/lib/channels/provider';
import { eightByEightProvider } from '@/lib/channels/eightbyeight/eight-by-eight-provider';
import { sandboxProvider } from '@/lib/channels/sandbox/sandbox-provider';

const PROVIDERS: Record<string, ChannelProvider> = { sandbox: sandboxProvider, '8x8': eightByEightProvider };

/** The provider a channel row names; the sandbox when the channel is unknown or names none. */
export function providerFor(name: string | null | undefined): ChannelProvider {
  return (name && PROVIDERS[name]) || sandboxProvider;
}
