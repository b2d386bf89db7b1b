# Shared helpers for the .ci scripts.

# Fyne reads the locale at start-up; LANG=C.UTF-8 makes it log a parse error. A language
# list avoids the noise without changing how other tools behave.
export LANGUAGE=zh_CN:en

step() { printf '\n==> %s (%s)\n' "$1" "$(date +%H:%M:%S)"; }

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
  if [ ! -f /tmp/.workreport-apt-updated ]; then
    $sudo apt-get update -q && touch /tmp/.workreport-apt-updated
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
}
