// Scalar's colours, type and radius from the console's design tokens (app/globals.css), which already
// switch with the .dark class: the reference reads as part of the console in either theme.
export const SCALAR_THEME_CSS = `
.scalar-app, .scalar-app.light-mode, .scalar-app.dark-mode, .light-mode .scalar-app, .dark-mode .scalar-app {
  /* Scalar's sticky sidebar and headings stop under the console's own sticky header (h-14). */
  --scalar-custom-header-height: 3.5rem;
  --scalar-font: var(--font-sans);
  --scalar-font-code: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  --scalar-background-1: var(--card);
  --scalar-background-2: var(--muted);
  --scalar-background-3: var(--border);
  --scalar-background-accent: var(--accent);
  --scalar-color-1: var(--foreground);
  --scalar-color-2: var(--muted-foreground);
  --scalar-color-3: var(--muted-foreground);
  --scalar-color-accent: var(--primary);
  --scalar-border-color: var(--border);
  --scalar-radius: calc(var(--radius) - 2px);
  --scalar-radius-lg: var(--radius);
  --scalar-radius-xl: calc(var(--radius) + 4px);
  --scalar-sidebar-background-1: var(--card);
  --scalar-sidebar-color-1: var(--foreground);
  --scalar-sidebar-color-2: var(--muted-foreground);
  --scalar-sidebar-border-color: var(--border);
  --scalar-sidebar-item-hover-background: var(--muted);
  --scalar-sidebar-item-active-background: var(--accent);
  --scalar-sidebar-color-active: var(--accent-foreground);
  --scalar-sidebar-search-background: var(--background);
  --scalar-sidebar-search-border-color: var(--input);
}
/* The API client's close button sits fixed at the top right, over the console's own header: give it a
   face of its own instead of showing the avatar through it. */
.scalar-app .app-exit-button {
  background: var(--card);
  color: var(--foreground);
  border: 1px solid var(--border);
  box-shadow: 0 1px 3px rgb(0 0 0 / 0.2);
}
`;
