// Share links: the report text in the URL fragment (`#r=…`), deflate-compressed (CompressionStream
// 'deflate') and base64url-encoded. A fragment never leaves the browser (it is not sent with a
// request), so sharing sends the report nowhere; the receiver's page checks it as if pasted.
// A link is untrusted input: decodeShare() refuses a malformed or hostile payload (bad base64url,
// corrupt or truncated deflate, a decompression bomb past the input limit, text that is not UTF-8)
// with a ShareError, and never returns part of one. Browsers and Node.js ≥ 18 (no DOM).

export const SHARE_KEY = 'r';
export const MAX_TEXT_BYTES = 16 * 1024 * 1024;   // the core's input limit (16 MiB)
export const LINK_WARN_CHARS = 8 * 1024;           // past this, links get cut by some chat tools and mail

export class ShareError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'ShareError';
    this.code = code;   // 'bad-encoding' | 'corrupt' | 'too-large' | 'bad-text' | 'empty'
  }
}

function toBase64Url(bytes) {
  let bin = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) bin += String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s) {
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) throw new ShareError('bad-encoding', 'not base64url');
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((s.length + 3) % 4);
  let bin;
  try { bin = atob(b64); } catch { throw new ShareError('bad-encoding', 'not base64url'); }
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function pipeAll(bytes, stream, limit) {
  const writer = stream.writable.getWriter();
  // errors surface on the reading side
  writer.write(bytes).catch(() => {});
  writer.close().catch(() => {});
  const reader = stream.readable.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (limit && total > limit) {
      reader.cancel().catch(() => {});
      throw new ShareError('too-large', 'over the size limit');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}

// text → the payload of `#r=` (base64url of the deflated UTF-8 text).
export async function encodeShare(text) {
  const bytes = new TextEncoder().encode(String(text));
  const packed = await pipeAll(bytes, new CompressionStream('deflate'), 0);
  return toBase64Url(packed);
}

// The payload of `#r=` → the text; throws ShareError. maxBytes: the largest text accepted (UTF-8
// bytes after decompressing); decompression stops as soon as it is passed.
export async function decodeShare(payload, { maxBytes = MAX_TEXT_BYTES } = {}) {
  const p = String(payload || '');
  if (!p) throw new ShareError('empty', 'empty link');
  // a payload that could not decompress to less than the limit is refused unread (deflate
  // expands at most ~1032:1, but a base64 payload longer than the limit itself is absurd)
  if (p.length > Math.ceil(maxBytes * 4 / 3) + 4) throw new ShareError('too-large', 'over the size limit');
  const packed = fromBase64Url(p);
  let bytes;
  try {
    bytes = await pipeAll(packed, new DecompressionStream('deflate'), maxBytes);
  } catch (e) {
    if (e instanceof ShareError) throw e;
    throw new ShareError('corrupt', 'cannot be decompressed');
  }
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ShareError('bad-text', 'not UTF-8 text');
  }
  if (!text.trim()) throw new ShareError('empty', 'empty text');
  return text;
}

// The share payload in a location hash ('#r=…'), or null when the hash is something else.
export function sharePayload(hash) {
  const m = /^#r=(.*)$/s.exec(String(hash || ''));
  return m ? m[1] : null;
}
