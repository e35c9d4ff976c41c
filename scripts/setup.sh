#!/usr/bin/env bash
# One idempotent setup, called first by every entry point (npm start, npm test, npm run build, .ci/run).
# Seconds when everything is present; minutes on a bare machine. Each step prints one line with its time.
#
# The wasm32 target comes from rustup where rustup can add it. Where it cannot (no network for rustup),
# it comes from Debian's rustc-web toolchain, whose wasm32 standard library is built once from
# rust-web-src into that toolchain's sysroot. The choice is written to target/setup/toolchain.env,
# which scripts/env.sh reads.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
state="$root/target/setup"
mkdir -p "$state"

WASM_PACK_VERSION=0.15.1
DEBIAN_RUST_PACKAGES=(rustc-web cargo-web rust-web-src rust-web-clippy lld-22)
DEBIAN_BROWSER_PACKAGES=(chromium chromium-driver)

t_all=$(date +%s%N)
step_start=0
begin() { step_start=$(date +%s%N); printf 'setup: %-44s' "$1"; }
done_() { printf ' %s (%d ms)\n' "$1" $(( ($(date +%s%N) - step_start) / 1000000 )); }
fail() {
  printf '\nsetup: FAILED: %s\n' "$1" >&2
  [ $# -gt 1 ] && printf 'setup: how to fix: %s\n' "$2" >&2
  exit 1
}
is_root() { [ "$(id -u)" = 0 ]; }
apt_updated=0
apt_install() {
  is_root || fail "missing Debian packages: $*" "run as root: apt-get install $*"
  command -v apt-get >/dev/null || fail "missing: $*" "install them with your system's package manager"
  if [ $apt_updated = 0 ]; then apt-get update -qq >"$state/apt.log" 2>&1 || true; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >>"$state/apt.log" 2>&1 \
    || fail "apt-get install $* failed (see $state/apt.log)" "apt-get install $*"
}

# --- Rust and Node --------------------------------------------------------------------------------
begin "Rust (cargo) and Node.js (npm)"
command -v node >/dev/null || fail "Node.js is missing" "install Node.js 20 or newer (apt-get install nodejs npm)"
command -v npm >/dev/null || fail "npm is missing" "apt-get install npm"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 18 ] || fail "Node.js $node_major is too old" "install Node.js 20 or newer"
if ! command -v cargo >/dev/null && [ -x "$HOME/.cargo/bin/cargo" ]; then export PATH="$HOME/.cargo/bin:$PATH"; fi
command -v cargo >/dev/null || [ -x /usr/bin/cargo ] || fail "Rust is missing" "install Rust with rustup (rustup.rs) or apt-get install ${DEBIAN_RUST_PACKAGES[*]}"
done_ "node $(node --version)"

# --- The wasm32 target ----------------------------------------------------------------------------
begin "wasm32-unknown-unknown target"
wasm_std_present() { # $1: rustc
  local sysroot
  sysroot=$("$1" --print sysroot 2>/dev/null) || return 1
  compgen -G "$sysroot/lib/rustlib/wasm32-unknown-unknown/lib/libstd-*.rlib" >/dev/null
}
toolchain=""
# SETUP_WASM_TOOLCHAIN=debian takes the Debian route even where rustup works (to test that route).
force_debian=0
[ "${SETUP_WASM_TOOLCHAIN:-}" = debian ] && force_debian=1
if [ $force_debian = 0 ] && command -v rustup >/dev/null && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  toolchain=rustup
elif [ -x /usr/bin/rustc ] && wasm_std_present /usr/bin/rustc; then
  toolchain=debian
elif [ $force_debian = 0 ] && command -v rustup >/dev/null && timeout 45 rustup target add wasm32-unknown-unknown >"$state/rustup.log" 2>&1; then
  toolchain=rustup
else
  # rustup could not add the target: Debian's rustc-web, with the wasm32 std built from source.
  missing=()
  for p in "${DEBIAN_RUST_PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} = 0 ] || apt_install "${missing[@]}"
  if ! wasm_std_present /usr/bin/rustc; then
    build="$state/wasm-std"
    rm -rf "$build"; mkdir -p "$build/src"
    printf '[package]\nname = "wasm-std"\nversion = "0.0.0"\nedition = "2021"\n[lib]\npath = "src/lib.rs"\n' >"$build/Cargo.toml"
    : >"$build/src/lib.rs"
    (cd "$build" && RUSTC_BOOTSTRAP=1 RUSTFLAGS=-Cembed-bitcode=yes PATH="/usr/bin:$PATH" /usr/bin/cargo build -q --release \
      --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort,panic_unwind,test) >"$state/wasm-std.log" 2>&1 \
      || fail "building the wasm32 standard library failed (see $state/wasm-std.log)" "apt-get install ${DEBIAN_RUST_PACKAGES[*]}"
    dest="$(/usr/bin/rustc --print sysroot)/lib/rustlib/wasm32-unknown-unknown/lib"
    mkdir -p "$dest"
    find "$build/target/wasm32-unknown-unknown/release/deps" -name '*.rlib' ! -name 'libwasm_std-*' -exec cp {} "$dest/" \;
    wasm_std_present /usr/bin/rustc || fail "the wasm32 standard library did not install into $dest"
  fi
  toolchain=debian
fi
if [ "$toolchain" = debian ]; then
  printf 'WASM_TOOLCHAIN=debian\nTOOLCHAIN_PATH=/usr/bin\n' >"$state/toolchain.env"
else
  printf 'WASM_TOOLCHAIN=rustup\nTOOLCHAIN_PATH=\n' >"$state/toolchain.env"
fi
done_ "$toolchain"

# shellcheck source=scripts/env.sh
source "$root/scripts/env.sh"

# --- wasm-pack and wasm-bindgen CLI ---------------------------------------------------------------
begin "wasm-pack $WASM_PACK_VERSION"
if [ "$(wasm-pack --version 2>/dev/null)" != "wasm-pack $WASM_PACK_VERSION" ]; then
  cargo install -q wasm-pack --version "$WASM_PACK_VERSION" --locked >"$state/wasm-pack.log" 2>&1 \
    || fail "cargo install wasm-pack failed (see $state/wasm-pack.log)" "cargo install wasm-pack --version $WASM_PACK_VERSION --locked"
  done_ "installed"
else
  done_ "present"
fi

bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$bindgen_version" ] || fail "Cargo.lock names no wasm-bindgen version" "run cargo generate-lockfile"
begin "wasm-bindgen CLI $bindgen_version"
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $bindgen_version" ]; then
  cargo install -q wasm-bindgen-cli --version "=$bindgen_version" --force >"$state/wasm-bindgen.log" 2>&1 \
    || fail "cargo install wasm-bindgen-cli failed (see $state/wasm-bindgen.log)" "cargo install wasm-bindgen-cli --version =$bindgen_version"
  done_ "installed"
else
  done_ "present"
fi

# --- npm dev dependencies -------------------------------------------------------------------------
begin "npm dev dependencies (npm ci)"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error >"$state/npm.log" 2>&1 || fail "npm ci failed (see $state/npm.log)" "npm ci"
  done_ "installed"
else
  done_ "present"
fi

# --- Chromium and chromedriver --------------------------------------------------------------------
begin "Chromium and chromedriver"
if [ ! -x "$CHROMIUM" ] || [ ! -x "$CHROMEDRIVER" ]; then
  apt_install "${DEBIAN_BROWSER_PACKAGES[@]}"
  [ -x "$CHROMIUM" ] || fail "Chromium is missing at $CHROMIUM" "apt-get install chromium chromium-driver, or set CHROMIUM"
  done_ "installed"
else
  done_ "present"
fi

# Chinese glyphs for the screenshots and printed previews the tests make (not needed to pass them).
begin "Chinese fonts for screenshots"
if command -v fc-list >/dev/null && [ -n "$(fc-list :lang=zh family 2>/dev/null | head -n 1)" ]; then
  done_ "present"
elif is_root && command -v apt-get >/dev/null; then
  apt_install fonts-noto-cjk
  done_ "installed"
else
  done_ "missing (screenshots will show boxes for Chinese; install fonts-noto-cjk)"
fi

printf 'setup: ready in %d ms\n' $(( ($(date +%s%N) - t_all) / 1000000 ))
