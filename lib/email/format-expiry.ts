/** "Sat, 12 Dec 2026 14:03 UTC": the same wording the on-screen link uses, unambiguous for any reader. */
export function formatExpiry(date: Date): string {
  return date.toUTCString().replace(/:\d\d GMT$/, ' UTC');
}
