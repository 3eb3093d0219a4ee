#!/usr/bin/env bash
# Sets Hearth up on a Debian or Ubuntu machine that has only Node.js 20+ and npm:
# system packages (espeak-ng for the voice, mosquitto for the broker tests, chromium for the
# browser tests), pnpm, the workspace's npm dependencies, and the TypeScript build.
# Safe to run again: each step is skipped when it is already done.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[hearth setup] %s\n' "$*"; }
fail() { printf '[hearth setup] error: %s\n' "$*" >&2; exit 1; }

# --- Node.js ---------------------------------------------------------------------------------
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
[ "$node_major" -ge 20 ] || fail "Hearth needs Node.js 20 or newer (found: $(node --version 2>/dev/null || echo none)). Install it from your distribution or nodejs.org, then run this again."

# --- System packages -------------------------------------------------------------------------
# Binary -> Debian package. chromium is only for the browser tests; mosquitto only for the tests
# against a production broker (the simulator embeds its own broker); a C++ toolchain and python3
# build better-sqlite3 (the care dashboard's store) when no prebuilt binary can be fetched.
declare -A needed=( [espeak-ng]=espeak-ng [mosquitto]=mosquitto [chromium]=chromium [g++]=g++ [make]=make [python3]=python3 )
missing=()
for bin in "${!needed[@]}"; do
  command -v "$bin" >/dev/null 2>&1 || [ -x "/usr/sbin/$bin" ] || missing+=("${needed[$bin]}")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    fail "missing system packages: ${missing[*]}. Install them as root: apt-get install -y ${missing[*]}"
  fi
  command -v apt-get >/dev/null 2>&1 || fail "missing system packages: ${missing[*]}, and this is not a Debian-like system. Install them with your package manager."
  say "installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # Debian starts a system mosquitto on port 1883 after install, which would collide with the
  # simulator's embedded broker. Hearth's tests start their own mosquitto, so stop that one.
  if [[ " ${missing[*]} " == *" mosquitto "* ]] && command -v systemctl >/dev/null 2>&1 \
     && systemctl is-active --quiet mosquitto 2>/dev/null; then
    say "stopping the mosquitto system service Debian started (Hearth runs its own broker)"
    $sudo systemctl disable --now mosquitto >/dev/null 2>&1 || true
  fi
fi

# --- pnpm ------------------------------------------------------------------------------------
pnpm_version=12.4.2
if [ "$(pnpm --version 2>/dev/null || true)" != "$pnpm_version" ]; then
  say "installing pnpm $pnpm_version"
  if [ "$(id -u)" -eq 0 ]; then npm install -g --silent "pnpm@$pnpm_version"
  else npm install -g --silent --prefix "$HOME/.local" "pnpm@$pnpm_version"; export PATH="$HOME/.local/bin:$PATH"; fi
fi

# --- npm dependencies and build --------------------------------------------------------------
# Native addons (better-sqlite3) compile against this Node's own headers when their prebuilt
# binary cannot be downloaded; point node-gyp at them so it does not try to download headers.
node_prefix=$(dirname "$(dirname "$(command -v node)")")
if [ -z "${npm_config_nodedir:-}" ] && [ -f "$node_prefix/include/node/node.h" ]; then
  export npm_config_nodedir="$node_prefix"
fi
say "installing npm dependencies"
pnpm install --frozen-lockfile --reporter=silent
say "building (tsc -b)"
pnpm exec tsc -b
say "ready. Start the simulator with: npm start"
