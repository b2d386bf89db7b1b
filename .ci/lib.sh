# Shared helpers for the .ci scripts.

# Fyne reads the locale at start-up; LANG=C.UTF-8 makes it log a parse error. A language
# list avoids the noise without changing how other tools behave.
export LANGUAGE=zh_CN:en

step() { printf '\n==> %s (%s)\n' "$1" "$(date +%H:%M:%S)"; }

# info BINARY FIELD [ARGS...]: one field of `workreport info` (标题, 窗口标题, 页面…), so
# that no script assumes which report is built in.
info() {
  local bin=$1 field=$2; shift 2
  "$bin" "$@" info | awk -F'\t' -v f="$field" '$1 == f { print $2 }'
}

# apt_install installs the Debian packages that are not installed yet.
apt_install() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && { echo "already installed: $*"; return; }
  echo "installing: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  # The package lists are refreshed once a day, and again whenever an install fails
  # (a mirror may have moved on since the lists were read).
  local marker=/tmp/.workreport-apt-updated
  if [ -z "$(find "$marker" -mmin -1440 2>/dev/null)" ]; then
    $sudo apt-get update -q && touch "$marker"
  fi
  if ! DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"; then
    echo "install failed; refreshing the package lists and trying again"
    $sudo apt-get update -q && touch "$marker"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
}

# xvfb SERVER-ARGS COMMAND...: runs COMMAND on a new Xvfb server and returns COMMAND's
# status. xvfb-run's own status also reports the removal of its temporary directory,
# which now and then fails by itself ("problem while cleaning up temporary directory",
# status 5) after the command has finished; that must neither fail nor pass a check.
xvfb() {
  local server=$1; shift
  local status; status=$(mktemp)
  xvfb-run -a -s "$server" sh -c '"$@"; echo $? > "$0"' "$status" "$@" || true
  local code; code=$(cat "$status" 2>/dev/null || true); rm -f "$status"
  [ -n "$code" ] || { echo "xvfb-run did not run: $*" >&2; return 125; }
  return "$code"
}
