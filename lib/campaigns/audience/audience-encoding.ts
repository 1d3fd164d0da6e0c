// Which text encoding an audience file is in, and its decoder: UTF-8 with or without a byte-order mark,
// UTF-16 LE or BE with one, or Windows-1252 (what Excel saves as "CSV" on Western Windows) when the bytes
// are not valid UTF-8. Client-safe: the wizard decodes its preview with the same rules.

export type AudienceEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** The encoding a byte-order mark names, or null without one. */
export function encodingFromBom(bytes: Uint8Array): AudienceEncoding | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** Whether `bytes` are valid UTF-8; a sequence cut off at the end counts as valid unless `complete`. */
export function isValidUtf8(bytes: Uint8Array, complete: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

/** The encoding of a file from its first bytes; `validUtf8` says whether all of it is valid UTF-8. */
export function detectEncoding(head: Uint8Array, validUtf8: boolean): AudienceEncoding {
  return encodingFromBom(head) ?? (validUtf8 ? 'utf-8' : 'windows-1252');
}

// Windows-1252's 0x80-0x9F, which Latin-1 leaves as control characters (and Node's TextDecoder, unlike
// browsers', decodes "windows-1252" as Latin-1). The five unassigned bytes stay as they are.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const C1 = /[\u0080-\u009f]/g;
const fromC1 = (c: string) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!;

export type AudienceDecoder = { decode(bytes: Uint8Array, final?: boolean): string };

/** A streaming decoder: a character split across two chunks comes out whole; a byte-order mark is dropped. */
export function audienceDecoder(encoding: AudienceEncoding): AudienceDecoder {
  if (encoding === 'windows-1252') {
    const latin1 = new TextDecoder('latin1');
    return {
      decode: (bytes) => {
        const text = latin1.decode(bytes);
        C1.lastIndex = 0;
        return C1.test(text) ? text.replace(C1, fromC1) : text;
      },
    };
  }
  const decoder = new TextDecoder(encoding);
  return { decode: (bytes, final = false) => decoder.decode(bytes, { stream: !final }) };
}
