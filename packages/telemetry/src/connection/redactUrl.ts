/**
 * The broker URL as it may appear in logs and errors: a password given in it
 * (mqtts://robot:PASSWORD@host) is replaced by `***`, so credentials never reach a log file.
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password === '') return url;
    parsed.password = '***';
    return parsed.toString();
  } catch {
    // Not a URL: hide anything between "://" and the last "@" that could be credentials.
    return url.replace(/(\/\/)[^/]*@/, '$1***@');
  }
}
