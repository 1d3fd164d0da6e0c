'use client';

import { createContext, useContext } from 'react';

export type SubAccountOption = { id: string; name: string; channels: Array<{ id: string; type: string; address: string | null }> };
export type TemplateOption = { id: string; name: string; language: string; status: string; subAccountId?: string; components?: unknown };

export type EditorEnv = {
  accountId: string;
  origin: string;
  subAccounts: SubAccountOption[];
  templates: TemplateOption[];
  readOnly: boolean;
};

export const EditorEnvContext = createContext<EditorEnv>({ accountId: '', origin: '', subAccounts: [], templates: [], readOnly: false });

export function useEditorEnv() {
  return useContext(EditorEnvContext);
}
