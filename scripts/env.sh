# Sourced by the project's scripts after setup: puts the chosen Rust toolchain, the npm tools and the
# browser on PATH in the order the build needs (node_modules/.bin first, so wasm-pack finds the npm
# binaryen's wasm-opt before any older system one).
_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLCHAIN_PATH=""
if [ -f "$_root/target/setup/toolchain.env" ]; then
  # shellcheck disable=SC1091
  source "$_root/target/setup/toolchain.env"
fi
_path="$_root/node_modules/.bin"
[ -n "$TOOLCHAIN_PATH" ] && _path="$_path:$TOOLCHAIN_PATH"
_path="$_path:$HOME/.cargo/bin:$PATH"
export PATH="$_path"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
unset _path _root
