# Sourced by the ensure-* scripts: installs Debian packages, through sudo when not root.
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi

apt_install() {
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
