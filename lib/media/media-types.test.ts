import { describe, expect, it } from 'vitest';
import { contentMatchesType, isInlineType, uploadedType } from '@/lib/media/media-types';

const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('contentMatchesType', () => {
  it('recognises each signed type by its first bytes', () => {
    expect(contentMatchesType('image/jpeg', bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe(true);
    expect(contentMatchesType('image/webp', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))).toBe(true);
    expect(contentMatchesType('video/mp4', bytes([0, 0, 0, 0x18], 'ftypmp42'))).toBe(true);
    expect(contentMatchesType('audio/ogg', bytes('OggS', [0]))).toBe(true);
    expect(contentMatchesType('application/pdf', bytes('%PDF-1.7'))).toBe(true);
    expect(contentMatchesType('application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes([0x50, 0x4b, 0x03, 0x04]))).toBe(true);
  });

  it('refuses renamed files, including truncated ones', () => {
    expect(contentMatchesType('image/jpeg', bytes('%PDF-1.7'))).toBe(false);
    expect(contentMatchesType('video/mp4', bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4]))).toBe(false);
    expect(contentMatchesType('image/png', bytes([0x89, 0x50]))).toBe(false);
    expect(contentMatchesType('application/msword', bytes([0x50, 0x4b, 0x03, 0x04]))).toBe(false);
  });

  it('lets types without a reliable signature through (MP3 without ID3, AAC, text)', () => {
    expect(contentMatchesType('audio/mpeg', bytes([0xff, 0xfb]))).toBe(true);
    expect(contentMatchesType('text/plain', bytes('hello'))).toBe(true);
  });
});

describe('isInlineType', () => {
  it('shows media inline and downloads documents', () => {
    expect(['image/png', 'video/mp4', 'audio/ogg'].map(isInlineType)).toEqual([true, true, true]);
    expect(['application/pdf', 'text/plain', 'text/html'].map(isInlineType)).toEqual([false, false, false]);
  });
});

describe('uploadedType', () => {
  it('takes the declared type, without parameters and in lower case', () => {
    expect(uploadedType('Image/PNG; charset=binary', 'x.pdf')).toBe('image/png');
  });

  it('reads a generic or missing type from the file extension', () => {
    expect(uploadedType('application/octet-stream', 'Invoice 12.PDF')).toBe('application/pdf');
    expect(uploadedType('', 'photo.jpeg')).toBe('image/jpeg');
    expect(uploadedType('application/octet-stream', 'report.xlsx')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  it('leaves an unknown extension as the generic type, which is then refused', () => {
    expect(uploadedType('application/octet-stream', 'setup.exe')).toBe('application/octet-stream');
    expect(uploadedType('', 'noextension')).toBe('');
  });
});
