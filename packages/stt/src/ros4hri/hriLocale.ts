/**
 * hri_msgs' locale format from a BCP-47 tag: ISO 639-1 language, underscore, ISO 3166-1 region
 * (en-GB → en_GB). A tag without a region keeps only its language (fr → fr); a script subtag is
 * dropped (zh-Hans-CN → zh_CN).
 */
export function hriLocale(language: string): string {
  const [lang = '', ...rest] = language.trim().split(/[-_]/);
  const region = rest.find((part) => /^[A-Za-z]{2}$|^\d{3}$/.test(part));
  const base = lang.toLowerCase();
  return region === undefined ? base : `${base}_${region.toUpperCase()}`;
}
