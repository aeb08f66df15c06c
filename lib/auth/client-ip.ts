type HeaderBag = Headers | Record<string, string | string[] | undefined>;

/** The caller's address as the nearest proxy reports it (first X-Forwarded-For entry). */
export function clientIp(headers: HeaderBag): string | null {
  const get = (name: string) => {
    if (headers instanceof Headers) return headers.get(name);
    const v = headers[name];
    return Array.isArray(v) ? v[0] : (v ?? null);
  };
  const forwarded = get("x-forwarded-for");
  if (forwarded) return forwarded.split(",")[0].trim() || null;
  return get("x-real-ip");
}
