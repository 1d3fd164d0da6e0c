'use client';

import { createContext, useContext } from 'react';

export const ScriptPathsContext = createContext<string[]>([]);

export function useScriptPaths() {
  return useContext(ScriptPathsContext);
}
