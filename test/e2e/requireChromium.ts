/** Global setup of the e2e run: fail at once, naming the install command, when Chromium is missing. */
import { assertChromiumInstalled } from './chromium';

export default function requireChromium(): void {
  assertChromiumInstalled();
}
