'use client';
import * as React from 'react';

export type WaTheme = 'light' | 'dark';

/** WhatsApp's own colours (STYLE.md "Look and feel"), not the console's tokens. */
export const WA_COLORS = {
  light: {
    wallpaper: '#efeae2',
    received: '#ffffff',
    sent: '#d9fdd3',
    text: '#111b21',
    time: '#667781',
    bar: '#008069',
    barText: '#ffffff',
    button: '#027eb5',
    divider: '#e9edef',
    placeholder: '#d1d7db',
  },
  dark: {
    wallpaper: '#0b141a',
    received: '#202c33',
    sent: '#005c4b',
    text: '#e9edef',
    time: '#8696a0',
    bar: '#202c33',
    barText: '#e9edef',
    button: '#027eb5',
    divider: '#2a3942',
    placeholder: '#374248',
  },
} as const;

const WaThemeContext = React.createContext<WaTheme>('light');
export const WaThemeProvider = WaThemeContext.Provider;
export function useWaColors() {
  return WA_COLORS[React.useContext(WaThemeContext)];
}
