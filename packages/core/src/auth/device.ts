// A session's device in plain words ("Chrome on Windows") from the browser's User-Agent, so people
// can tell their sessions apart. Bowser (MIT) keeps up with browser and system names for us.
import Bowser from 'bowser';

export function describeDevice(userAgent: string | null | undefined): string {
  if (!userAgent) return 'Unknown device';
  const { browser, os } = Bowser.parse(userAgent);
  const browserName = browser.name?.trim();
  const systemName = os.name?.trim();
  if (browserName && systemName) return `${browserName} on ${systemName}`;
  if (browserName) return browserName;
  if (systemName) return `A browser on ${systemName}`;
  return 'Unknown device';
}
