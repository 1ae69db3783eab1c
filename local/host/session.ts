import type { IncomingMessage } from 'node:http';
import type { DemoUser, Directory } from '../demo/directory';
import { isHostChannel, type HostChannel } from './channels';
import { parseCookies } from './http-util';
import { principalFromSession, type Principal } from './principal';

export const COOKIES = { user: 'vt_user', channel: 'vt_channel', theme: 'vt_theme' } as const;

/** Who the visitor acts as, on which channel, in which theme: the host's own cookies, read server-side. */
export interface Session {
  principal: Principal;
  user: DemoUser | undefined;
  channel: HostChannel;
  theme: 'light' | 'dark';
}

export function readSession(request: IncomingMessage, directory: Directory, defaultUser: string): Session {
  const cookies = parseCookies(request);
  const principal = principalFromSession(directory, cookies[COOKIES.user] ?? defaultUser);
  const channel = cookies[COOKIES.channel];
  return {
    principal,
    user: principal.kind === 'user' ? directory.user(principal.accountId) : undefined,
    channel: isHostChannel(channel) ? channel : 'desktop',
    theme: cookies[COOKIES.theme] === 'dark' ? 'dark' : 'light',
  };
}
