#!/usr/bin/env bash
# Makes sure TicketRush can run its databases: MariaDB and Redis binaries (local mode initialises MariaDB with
# mariadb-install-db, which MySQL lacks; the galera topology also needs galera-4 and rsync), or a container runtime.
# When neither is present it installs Debian's mariadb-server and redis-server (sudo when not root),
# without starting their system services: the AppHost runs its own loopback-only instances.
set -euo pipefail

have() { command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ] || [ -x "/usr/local/sbin/$1" ]; }
# The galera topology (and its tests) load the wsrep provider and copy state to a joining node with rsync.
galera_ready() { [ -e /usr/lib/galera/libgalera_smm.so ] && have rsync; }

if have mariadbd && have mariadb-install-db && have redis-server && galera_ready; then
  exit 0
fi

for runtime in docker podman; do
  if have "$runtime" && "$runtime" info >/dev/null 2>&1; then
    echo "No local MariaDB/Redis binaries; using the $runtime container runtime." >&2
    exit 0
  fi
done

if ! have apt-get; then
  echo "TicketRush needs MariaDB (or MySQL) and Redis server binaries, or Docker/Podman. Install them and run again." >&2
  exit 1
fi

. "$(dirname "$0")/apt.sh"

echo "Installing mariadb-server, galera-4, rsync and redis-server (their system services are not started)..." >&2
policy=/usr/sbin/policy-rc.d
created_policy=""
if [ ! -e "$policy" ]; then
  # invoke-rc.d asks this script whether to start a service; 101 means "no".
  printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null
  $sudo chmod +x "$policy"
  created_policy="yes"
fi
cleanup() { if [ -n "$created_policy" ]; then $sudo rm -f "$policy"; fi; }
trap cleanup EXIT

apt_install mariadb-server galera-4 rsync redis-server
echo "Installed: $(/usr/sbin/mariadbd --version 2>/dev/null || true)" >&2
