/**
 * A copy of a parsed JSON value without the object keys whose value is null, at any depth. Common
 * serializers (Jackson, Newtonsoft.Json, System.Text.Json, Go's encoding/json with pointers) write
 * an unset optional field as `"footer": null`; in the 8x8 send and template payloads null never
 * means anything but "not given", so it is read as absent. Array elements are kept as they are, so
 * a null inside a list is still reported at its index. Only for payloads without meaningful nulls:
 * a workflow's `selectNextStep` default is `null`.
 */
export function withoutNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutNulls) as T;
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === null) continue;
    // JSON.parse makes "__proto__" an own key; plain assignment would set the copy's prototype instead.
    if (k === '__proto__') Object.defineProperty(out, k, { value: withoutNulls(v), enumerable: true, writable: true, configurable: true });
    else out[k] = withoutNulls(v);
  }
  return out as T;
}
