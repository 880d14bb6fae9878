#!/usr/bin/env sh
# Installs Debian's Chromium for the admin web browser tests (test/adapters/web/*.browser.int.test.ts).
# The tests launch /usr/bin/chromium through playwright-core, so no Playwright browser download is needed.
set -eu
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
$SUDO apt-get update
$SUDO apt-get install -y chromium
/usr/bin/chromium --version
