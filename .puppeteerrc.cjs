// Puppeteer downloads its own browsers on install unless told not to. Skip a download only where
// the system already has that browser (Debian's chromium / firefox-esr in CI and on this team's
// machines), so a normal laptop without them still gets working browsers from `npm install`.
const fs = require('node:fs');

const hasChromium = fs.existsSync('/usr/bin/chromium');
const hasFirefox = fs.existsSync('/usr/bin/firefox-esr') || fs.existsSync('/usr/bin/firefox');

module.exports = {
  chrome: { skipDownload: hasChromium },
  'chrome-headless-shell': { skipDownload: hasChromium },
  firefox: { skipDownload: hasFirefox },
};
