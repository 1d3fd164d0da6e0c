// What may be uploaded, and how big: WhatsApp's own media limits (image 5 MB, video/audio 16 MB,
// document 100 MB), so a file accepted here is one WhatsApp would also take.
export type MediaKind = 'image' | 'video' | 'audio' | 'document';

const MB = 1024 * 1024;
export const MAX_BYTES: Record<MediaKind, number> = { image: 5 * MB, video: 16 * MB, audio: 16 * MB, document: 100 * MB };
/** The largest request body worth parsing at all: the biggest file plus room for the multipart framing. */
export const MAX_UPLOAD_BODY = MAX_BYTES.document + MB;

export const MEDIA_TYPES: Record<string, MediaKind> = {
  'image/jpeg': 'image',
  'image/png': 'image',
  'image/webp': 'image',
  'video/mp4': 'video',
  'video/3gpp': 'video',
  'audio/aac': 'audio',
  'audio/mp4': 'audio',
  'audio/mpeg': 'audio',
  'audio/ogg': 'audio',
  'application/pdf': 'document',
  'text/plain': 'document',
  'application/msword': 'document',
  'application/vnd.ms-excel': 'document',
  'application/vnd.ms-powerpoint': 'document',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'document',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'document',
};

// Many HTTP clients label every file application/octet-stream; then the file name's extension says
// what it claims to be (and the signature check below still holds it to that).
const BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  mp4: 'video/mp4',
  '3gp': 'video/3gpp',
  aac: 'audio/aac',
  m4a: 'audio/mp4',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  opus: 'audio/ogg',
  pdf: 'application/pdf',
  txt: 'text/plain',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

/** The media type of an upload: its declared type, or for a generic one, its file name's extension. */
export function uploadedType(declared: string, fileName: string): string {
  const type = declared.split(';')[0]!.trim().toLowerCase();
  if (type && type !== 'application/octet-stream') return type;
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return (ext && BY_EXTENSION[ext]) || type;
}

const startsWith = (b: Uint8Array, sig: number[], at = 0) => b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const isIsoMedia = (b: Uint8Array) => startsWith(b, ascii('ftyp'), 4);
const isOle = (b: Uint8Array) => startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const isZip = (b: Uint8Array) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]);

/**
 * Checks the file's first bytes against its claimed type, for the types with a reliable signature,
 * so a renamed file (an .exe or HTML called photo.png) is refused. Types without one pass.
 */
const SIGNATURES: Record<string, (b: Uint8Array) => boolean> = {
  'image/jpeg': (b) => startsWith(b, [0xff, 0xd8, 0xff]),
  'image/png': (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/webp': (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8),
  'application/pdf': (b) => startsWith(b, ascii('%PDF-')),
  'video/mp4': isIsoMedia,
  'video/3gpp': isIsoMedia,
  'audio/mp4': isIsoMedia,
  'audio/ogg': (b) => startsWith(b, ascii('OggS')),
  'application/msword': isOle,
  'application/vnd.ms-excel': isOle,
  'application/vnd.ms-powerpoint': isOle,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': isZip,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': isZip,
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': isZip,
};

export function contentMatchesType(mimeType: string, bytes: Uint8Array): boolean {
  return SIGNATURES[mimeType]?.(bytes) ?? true;
}

/** Images, video and audio are shown in the browser; documents are always downloaded. */
export function isInlineType(mimeType: string): boolean {
  const kind = MEDIA_TYPES[mimeType];
  return kind === 'image' || kind === 'video' || kind === 'audio';
}

export function formatBytes(n: number): string {
  return n >= MB ? `${+(n / MB).toFixed(1)} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} bytes`;
}
