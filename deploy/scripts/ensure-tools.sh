#!/usr/bin/env bash
# Make sure the outside programs the test suite drives are present, installing the Debian
# packages that provide them when they are missing:
#
#   command        package           used by
#   promtool       prometheus        deploy checks (check config, check rules, test rules)
#   prometheus     prometheus        tests/deploy/prometheus_server.py (a real server scrapes the worker)
#   stunnel4       stunnel4          the TLS integration test (a TLS-terminating proxy before the broker)
#   chromium       chromium          the inbox browser tests (headless)
#   chromedriver   chromium-driver   the inbox browser tests (Selenium)
#   pg_ctlcluster  postgresql        the inbox database tests on a real PostgreSQL
#
# Idempotent: does nothing when every command is on PATH. Package postinst scripts would start
# services (prometheus, postgresql, stunnel); a temporary policy-rc.d (exit 101) forbids that,
# and afterwards any such process the install managed to start anyway is stopped.
# Needs root, or sudo without a password prompt.
set -euo pipefail

# "command package" pairs; add a line for a new tool.
TOOLS=(
    "promtool prometheus"
    "prometheus prometheus"
    "stunnel4 stunnel4"
    "chromium chromium"
    "chromedriver chromium-driver"
    "pg_ctlcluster postgresql"
)
SERVICES=(prometheus postgresql stunnel4)  # never left running by an install

missing=()
for pair in "${TOOLS[@]}"; do
    set -- $pair
    command -v "$1" >/dev/null 2>&1 || missing+=("$2")
done
# unique package names, in order
packages=()
for p in "${missing[@]+"${missing[@]}"}"; do
    case " ${packages[*]+"${packages[*]}"} " in *" $p "*) ;; *) packages+=("$p") ;; esac
done

if [ ${#packages[@]} -eq 0 ]; then
    echo "ensure-tools: all present (promtool $(promtool --version 2>&1 | head -n1 | awk '{print $3}'))"
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-tools: missing packages ${packages[*]} and apt-get not available; install them by hand." >&2
    exit 1
fi

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        SUDO=(sudo -n)
    else
        echo "ensure-tools: missing ${packages[*]}; installing them needs root." >&2
        echo "ensure-tools: run as root, allow passwordless sudo, or: sudo apt-get install -y --no-install-recommends ${packages[*]}" >&2
        exit 1
    fi
fi

# Remember service processes that were running before us: never touch those.
before="$(pgrep -x prometheus 2>/dev/null || true) $(pgrep -f 'postgres -D' 2>/dev/null || true) $(pgrep -x stunnel4 2>/dev/null || true)"

policy=/usr/sbin/policy-rc.d
policy_backup=""
if [ -e "$policy" ]; then
    policy_backup="$(mktemp)"
    "${SUDO[@]}" cp -p "$policy" "$policy_backup"
fi
restore_policy() {
    if [ -n "$policy_backup" ]; then
        "${SUDO[@]}" cp -p "$policy_backup" "$policy"
        rm -f "$policy_backup"
    else
        "${SUDO[@]}" rm -f "$policy"
    fi
}
trap restore_policy EXIT

# 101 = "action forbidden by policy": invoke-rc.d then starts no service.
printf '#!/bin/sh\nexit 101\n' | "${SUDO[@]}" tee "$policy" >/dev/null
"${SUDO[@]}" chmod 0755 "$policy"

export DEBIAN_FRONTEND=noninteractive
echo "ensure-tools: installing Debian packages: ${packages[*]}"
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${packages[@]}"

# Belt and braces: stop a service or process the install started despite the policy.
if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
    for service in "${SERVICES[@]}"; do
        "${SUDO[@]}" systemctl stop "$service" >/dev/null 2>&1 || true
        "${SUDO[@]}" systemctl disable "$service" >/dev/null 2>&1 || true
    done
fi
for pid in $(pgrep -x prometheus 2>/dev/null || true) $(pgrep -f 'postgres -D' 2>/dev/null || true) \
           $(pgrep -x stunnel4 2>/dev/null || true); do
    case " $(echo $before) " in *" $pid "*) continue ;; esac
    echo "ensure-tools: stopping pid $pid started by the package install"
    "${SUDO[@]}" kill "$pid" 2>/dev/null || true
done

still=()
for pair in "${TOOLS[@]}"; do
    set -- $pair
    command -v "$1" >/dev/null 2>&1 || still+=("$1")
done
if [ ${#still[@]} -ne 0 ]; then
    echo "ensure-tools: install finished but still not on PATH: ${still[*]}" >&2
    exit 1
fi
echo "ensure-tools: ok ($(promtool --version 2>&1 | head -n1))"
