#!/bin/sh
# Debian's Chromium for the browser tests. Playwright drives it (Playwright's own browser download is not used:
# it fails on machines without general network access). Does nothing when chromium is already installed.
set -e
command -v chromium >/dev/null 2>&1 && exit 0
if [ "$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
command -v chromium >/dev/null
