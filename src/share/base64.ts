// Base64 for large byte arrays; Uint8Array.fromBase64/toBase64 where the runtime has them.
interface Base64Runtime {
  fromBase64?: (s: string) => Uint8Array;
}
interface Base64Bytes {
  toBase64?: () => string;
}

export function toBase64(bytes: Uint8Array): string {
  const own = (bytes as Uint8Array & Base64Bytes).toBase64;
  if (own) return own.call(bytes);
  let text = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) text += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(text);
}

export function fromBase64(text: string): Uint8Array {
  const own = (Uint8Array as unknown as Base64Runtime).fromBase64;
  if (own) return own(text);
  const raw = atob(text);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}
