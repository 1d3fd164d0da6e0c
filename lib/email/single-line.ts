/** A value fit for a header line such as the subject: no line breaks, runs of spaces collapsed. */
export function singleLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
